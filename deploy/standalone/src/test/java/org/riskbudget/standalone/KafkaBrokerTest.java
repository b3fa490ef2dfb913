package org.riskbudget.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void idempotentProducerWithAcksAllIsConsumedBack() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        assertThat(KafkaBroker.shared()).isSameAs(broker);
        String topic = "ledger-" + UUID.randomUUID();
        createTopic(broker, topic);

        List<String> sent = List.of("a", "b", "c", "d", "e");
        produce(broker, topic, sent);

        assertThat(consumeAsGroup(broker, topic, sent.size())).containsExactlyElementsOf(sent);
    }

    @Test
    void restartOnTheSameLogDirectoryKeepsRecordsAndDoesNotReformat() throws Exception {
        Path logDirectory = temp.resolve("kafka");
        String topic = "ledger-restart";
        List<String> sent = List.of("one", "two", "three");
        String metaBefore;
        try (KafkaBroker broker = KafkaBroker.start(logDirectory, 0)) {
            createTopic(broker, topic);
            produce(broker, topic, sent);
            metaBefore = Files.readString(logDirectory.resolve(KraftStorage.META_PROPERTIES));
        }

        try (KafkaBroker broker = KafkaBroker.start(logDirectory, 0)) {
            assertThat(Files.readString(logDirectory.resolve(KraftStorage.META_PROPERTIES))).isEqualTo(metaBefore);
            assertThat(consumeAsGroup(broker, topic, sent.size())).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void acknowledgedRecordsSurviveAKillOfTheBrokerJvm() throws Exception {
        Path logDirectory = temp.resolve("kafka");
        String topic = "ledger-crash";
        List<String> sent = List.of("before", "the", "crash");
        try (ChildJvm child = ChildJvm.start(BrokerMain.class, temp.resolve("broker.log"),
                logDirectory.toString(), "0")) {
            String bootstrapServers = child.awaitLine("Kafka broker ready on", Duration.ofSeconds(45));
            createTopic(bootstrapServers, topic);
            produce(bootstrapServers, topic, sent);
            child.killHard();
        }

        try (KafkaBroker broker = KafkaBroker.start(logDirectory, 0)) {
            assertThat(consumeAsGroup(broker, topic, sent.size())).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void topicsAreNotCreatedByAccident() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        Properties overrides = new Properties();
        // The client asks for auto-creation; auto.create.topics.enable=false on the broker must refuse it.
        overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true);
        try (KafkaConsumer<String, String> consumer = consumer(broker, "probe-" + UUID.randomUUID(), overrides)) {
            consumer.partitionsFor("never-created", Duration.ofSeconds(5));
        } catch (TimeoutException e) {
            // Some client versions report an unknown topic as a timeout; either way nothing may be created.
        }
        try (Admin admin = admin(broker)) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("never-created");
        }
    }

    private static void createTopic(KafkaBroker broker, String topic) throws Exception {
        createTopic(broker.bootstrapServers(), topic);
    }

    private static void createTopic(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(KafkaBroker broker, String topic, List<String> values) throws Exception {
        produce(broker.bootstrapServers(), topic, values);
    }

    private static void produce(String bootstrapServers, String topic, List<String> values) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> consumeAsGroup(KafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(broker, "group-" + UUID.randomUUID(), new Properties())) {
            consumer.subscribe(List.of(topic));
            long deadlineNs = System.nanoTime() + CONSUME_TIMEOUT.toNanos();
            while (values.size() < expected && System.nanoTime() < deadlineNs) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static KafkaConsumer<String, String> consumer(KafkaBroker broker, String group, Properties overrides) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.putAll(overrides);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private static Admin admin(KafkaBroker broker) {
        return admin(broker.bootstrapServers());
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }
}
