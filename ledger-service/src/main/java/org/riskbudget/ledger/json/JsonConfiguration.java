package org.riskbudget.ledger.json;

import org.riskbudget.contracts.json.LedgerJson;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Request and response bodies use the public language's strict JSON, like the event store and the topic. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer ledgerJson() {
        return LedgerJson::configure;
    }
}
