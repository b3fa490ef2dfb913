package org.riskbudget.projection.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * How many records of this instance's partitions are not applied yet: the sum over its partitions of the end
 * offset (last stable offset, as it reads committed records only) minus its position, published as the gauge
 * {@code projection.consumer.lag}. A partition held back at a gap keeps counting what it holds back, so a stall
 * shows as lag that does not shrink. Measured on the consumer's thread after each poll from what the consumer
 * already knows ({@code currentLag}), so it costs no request to the broker; a partition not fetched yet counts 0.
 */
@Component
final class ConsumerLag {

    private final AtomicLong records = new AtomicLong();

    ConsumerLag(MeterRegistry registry) {
        Gauge.builder("projection.consumer.lag", records, AtomicLong::get)
                .description("Records of the assigned partitions not yet applied to the read model")
                .baseUnit("records")
                .register(registry);
    }

    void measure(Consumer<byte[], byte[]> consumer) {
        long behind = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                behind += lag.getAsLong();
            }
        }
        records.set(behind);
    }

    /** Partitions may be revoked or the consumer closed: what it measured no longer holds. */
    void reset() {
        records.set(0);
    }
}
