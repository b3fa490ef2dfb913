package org.riskbudget.projection.http;

import org.riskbudget.contracts.json.LedgerJson;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Answers use the public language's JSON, exactly as the ledger, the topic and the audit log write it. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer ledgerJson() {
        return LedgerJson::configure;
    }
}
