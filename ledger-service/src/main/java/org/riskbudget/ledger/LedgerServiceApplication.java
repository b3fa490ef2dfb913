package org.riskbudget.ledger;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.riskbudget.platform.PlatformConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The command side of the Risk Budget Ledger. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(PlatformConfiguration.class)
public class LedgerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerServiceApplication.class, args);
    }

    /** Every timestamp the ledger writes is UTC, and tests can fix the time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
