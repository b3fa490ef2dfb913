package org.riskbudget.ledger.publishing;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A publisher that retries failed batches instead of skipping them. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    /**
     * A failed send must stop the processor and be retried; Axon's default for event handlers logs and moves on,
     * which here would lose the event for every consumer.
     */
    @Autowired
    void retryFailedBatches(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(EventPublisher.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
