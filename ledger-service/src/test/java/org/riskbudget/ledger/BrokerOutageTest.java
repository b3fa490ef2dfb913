package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.topic.LedgerTopic;
import org.riskbudget.contracts.scenario.ApiClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A broker outage on the command side delays publishing but loses nothing: commands keep succeeding while the broker
 * is down, and once it is back every event reaches the topic, in order, none missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {LedgerApiTest.LOCAL_ISSUER, LedgerApiTest.ISSUER_KEY})
class BrokerOutageTest extends LedgerApiTest {

    private static final Path LOG_DIRECTORY = createLogDirectory();
    private static final int PORT = freePort();
    private static final BrokerProcess BROKER = new BrokerProcess(LOG_DIRECTORY, PORT).start();

    @DynamicPropertySource
    static void ownDatabaseAndBroker(DynamicPropertyRegistry registry) {
        SharedDatabase.register(registry, "ledger_outage");
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + PORT);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Test
    void eventsStoredWhileTheBrokerIsDownArePublishedWhenItReturns() {
        String regimeId = regimeWithCompanies(100_000, "frontier-a");
        try (TopicReader topic = new TopicReader(BROKER.bootstrapServers(), LedgerTopic.DEFAULT_NAME)) {
            topic.awaitRecords(regimeId, 3, Duration.ofSeconds(30));
        }

        BROKER.stop();
        for (int i = 0; i < 5; i++) {
            ApiClient.Answer answer = regulator("/api/v1/regimes/" + regimeId + "/reclamations",
                    "{\"companyId\":\"frontier-a\",\"amountPpb\":1,\"reason\":\"outage " + i + "\"}");
            assertThat(answer.status()).as("a command while the broker is down").isEqualTo(200);
        }
        BROKER.start();

        try (TopicReader topic = new TopicReader(BROKER.bootstrapServers(), LedgerTopic.DEFAULT_NAME)) {
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(regimeId, 8, Duration.ofSeconds(120));
            assertThat(records.stream().map(record -> LedgerJson.mapper().readValue(record.value(), LedgerEvent.class))
                    .mapToLong(LedgerEvent::sequence).distinct().toArray()).containsExactly(LongStream.rangeClosed(1, 8).toArray());
        }
    }

    private static Path createLogDirectory() {
        try {
            return Files.createTempDirectory("outage-broker");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
