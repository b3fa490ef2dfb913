package org.riskbudget.projection.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Whether the broker answers. Shown in health, but not part of readiness: the read model keeps answering from the
 * database while the broker is away (only growing staler), and consuming resumes when it returns.
 */
@Component("broker")
class BrokerHealth extends AbstractHealthIndicator {

    private static final int TIMEOUT_MS = 2000;

    private final Map<String, Object> adminProperties;

    BrokerHealth(KafkaProperties kafka) {
        this.adminProperties = kafka.buildAdminProperties();
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        Admin client = Admin.create(adminProperties);
        try {
            int brokers = client.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            health.up().withDetail("brokers", brokers);
        } finally {
            client.close(Duration.ZERO); // abandons a request still waiting for an absent broker
        }
    }
}
