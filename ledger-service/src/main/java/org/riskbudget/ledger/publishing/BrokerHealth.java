package org.riskbudget.ledger.publishing;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether the broker answers. Shown in health, but not part of readiness: the ledger keeps taking commands while
 * the broker is away, and publishing catches up when it returns.
 */
@Component("broker")
class BrokerHealth extends AbstractHealthIndicator {

    private static final int TIMEOUT_MS = 2000;

    private final Map<String, Object> adminConfiguration;

    BrokerHealth(KafkaAdmin admin) {
        this.adminConfiguration = admin.getConfigurationProperties();
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        try (AdminClient client = AdminClient.create(adminConfiguration)) {
            int brokers = client.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            health.up().withDetail("brokers", brokers);
        }
    }
}
