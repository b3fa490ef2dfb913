package org.riskbudget.projection.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.projection.apply.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * One poll's records read as events. A record whose value is not an event is never skipped either: its partition
 * resumes at it, like at a gap, and the first one per partition is remembered.
 */
record RecordBatch(List<IncomingEvent> events, Map<TopicPartition, Long> unreadableOffsets,
        Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, Long> firstOffsets) {

    private static final Logger log = LoggerFactory.getLogger(RecordBatch.class);

    static RecordBatch read(ConsumerRecords<byte[], byte[]> records) {
        List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>(records.count());
        records.forEach(polled::add);
        // Parsing is most of a large batch's own work, and records parse independently: on every core.
        List<LedgerEvent> parsed = polled.parallelStream().map(RecordBatch::parse).toList();
        List<IncomingEvent> events = new ArrayList<>(polled.size());
        Map<TopicPartition, Long> unreadable = new HashMap<>();
        Map<TopicPartition, Long> next = new HashMap<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        for (int i = 0; i < polled.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = polled.get(i);
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            first.putIfAbsent(partition, record.offset());
            next.put(partition, record.offset() + 1);
            LedgerEvent event = parsed.get(i);
            if (event == null) {
                unreadable.putIfAbsent(partition, record.offset());
            } else {
                events.add(new IncomingEvent(event, record.partition(), record.offset()));
            }
        }
        return new RecordBatch(events, unreadable, next, first);
    }

    private static LedgerEvent parse(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            log.error("Record at {}-{} offset {} has no value; its partition stalls there", record.topic(),
                    record.partition(), record.offset());
            return null;
        }
        try {
            return LedgerJson.mapper().readValue(record.value(), LedgerEvent.class);
        } catch (JacksonException | IllegalArgumentException notAnEvent) {
            log.error("Record at {}-{} offset {} is not a ledger event ({}); its partition stalls there",
                    record.topic(), record.partition(), record.offset(), notAnEvent.getMessage());
            return null;
        }
    }
}
