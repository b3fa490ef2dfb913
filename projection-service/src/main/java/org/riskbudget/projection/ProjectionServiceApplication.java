package org.riskbudget.projection;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.riskbudget.platform.PlatformConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The read side of the Risk Budget Ledger. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(PlatformConfiguration.class)
public class ProjectionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectionServiceApplication.class, args);
    }

    /** Every instant the projection writes of its own (gap records, rebuilds) is UTC, and tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
