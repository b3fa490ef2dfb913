package org.riskbudget.bench.naive;

import org.riskbudget.contracts.json.LedgerJson;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The naive SQL ledger as a process of its own (started by the benchmarks from their class path), so it gets a JVM
 * like ledger-service's and competes with it on equal terms. Needs {@code spring.datasource.*}.
 */
@SpringBootApplication
public class NaiveLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(NaiveLedgerApplication.class, args);
    }

    /** The same strict JSON as ledger-service's, so both parse and write the same bodies at the same cost. */
    @Bean
    JsonMapperBuilderCustomizer ledgerJson() {
        return LedgerJson::configure;
    }
}
