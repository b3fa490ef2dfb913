package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.audit.EventChain;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.topic.LedgerTopic;
import org.riskbudget.standalone.KafkaBroker;
import tools.jackson.databind.JsonNode;

/** Every stored event reaches the topic, in order, keyed by regime, in the public language's JSON. */
class PublishingTest extends LedgerServiceTest {

    @Test
    void everyEventIsPublishedInOrderKeyedByItsRegime() {
        String regimeId = regimeWithCompanies(100_000, "frontier-a", "frontier-b");
        submitCase(regimeId, "frontier-a", "case-1", 5_000);
        long stored = eventCount(regimeId);

        try (TopicReader topic = new TopicReader(KafkaBroker.shared().bootstrapServers(), LedgerTopic.DEFAULT_NAME)) {
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(regimeId, (int) stored,
                    Duration.ofSeconds(30));

            assertThat(records).hasSize((int) stored);
            assertThat(records.stream().map(record -> LedgerJson.mapper().readValue(record.value(), LedgerEvent.class))
                    .mapToLong(LedgerEvent::sequence).toArray()).containsExactly(LongStream.rangeClosed(1, stored).toArray());
            assertThat(records.stream().map(record -> record.partition()).distinct()).hasSize(1);
        }
    }

    @Test
    void eachRecordCarriesTypeRevisionAndSequenceAndTheHashedJson() {
        String regimeId = regimeWithCompanies(100_000, "frontier-a");

        try (TopicReader topic = new TopicReader(KafkaBroker.shared().bootstrapServers(), LedgerTopic.DEFAULT_NAME)) {
            ConsumerRecord<String, byte[]> allocation = topic.awaitRecords(regimeId, 3, Duration.ofSeconds(30)).get(2);
            JsonNode json = LedgerJson.mapper().readTree(allocation.value());

            assertThat(TopicReader.header(allocation, LedgerTopic.TYPE_HEADER)).isEqualTo("BudgetAllocated");
            assertThat(TopicReader.header(allocation, LedgerTopic.REVISION_HEADER)).isEqualTo("1");
            assertThat(TopicReader.header(allocation, LedgerTopic.SEQUENCE_HEADER)).isEqualTo("3");
            assertThat(json.get("type").asString()).isEqualTo("BudgetAllocated");
            assertThat(json.get("amountPpb").asLong()).isEqualTo(100_000);
            assertThat(json.get("hash").asString()).isEqualTo(EventChain.hashOf(json));
        }
    }
}
