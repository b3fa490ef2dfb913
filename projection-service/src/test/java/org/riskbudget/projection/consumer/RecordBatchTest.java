package org.riskbudget.projection.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.audit.EventChain;
import org.riskbudget.contracts.event.RegimeOpenedEvent;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.riskbudget.contracts.risk.Ppb;

/** A record that is not an event is never skipped: its partition resumes at it. */
class RecordBatchTest {

    private static final TopicPartition PARTITION = new TopicPartition("ledger-events", 0);

    @Test
    void eventsAreReadAndTheFirstUnreadableRecordOfAPartitionIsRemembered() {
        RegimeId regimeId = RegimeId.of("r");
        byte[] opened = LedgerJson.mapper().writeValueAsBytes(EventChain.seal(new RegimeOpenedEvent(regimeId, 1,
                Instant.parse("2027-01-01T00:00:00Z"), Actor.SYSTEM, "r", Ppb.of(100), RegimePolicy.defaults(),
                EventChain.genesis(regimeId), null)));
        ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(PARTITION, List.of(
                record(10, opened),
                record(11, "{\"type\":\"NoSuchEvent\"}".getBytes(StandardCharsets.UTF_8)),
                record(12, null),
                record(13, opened))), Map.<TopicPartition, OffsetAndMetadata>of());

        RecordBatch batch = RecordBatch.read(records);

        assertThat(batch.events()).extracting(event -> event.offset()).containsExactly(10L, 13L);
        assertThat(batch.unreadableOffsets()).containsExactly(Map.entry(PARTITION, 11L));
        assertThat(batch.firstOffsets()).containsExactly(Map.entry(PARTITION, 10L));
        assertThat(batch.nextOffsets()).containsExactly(Map.entry(PARTITION, 14L));
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, "r".getBytes(), value);
    }
}
