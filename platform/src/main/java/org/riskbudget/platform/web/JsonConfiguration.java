package org.riskbudget.platform.web;

import org.riskbudget.contracts.json.LedgerJson;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request and response bodies use the public language's strict JSON, like the event store and the topic; and the
 * security filters answer in the same problem+json as the controllers.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer ledgerJson() {
        return LedgerJson::configure;
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }
}
