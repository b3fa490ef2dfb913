package org.riskbudget.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.riskbudget.bench.history.RegimeHistory;
import org.riskbudget.bench.history.TopicHistory;
import org.riskbudget.contracts.audit.AuditLogVerifier;
import org.riskbudget.contracts.audit.ChainHead;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.topic.LedgerTopic;

/** The generated histories are what the ledger would have written: an independent verifier finds nothing wrong. */
class RegimeHistoryTest {

    @Test
    void aGeneratedHistoryVerifiesCleanWithItsChainAndBooks() {
        RegimeHistory history = new RegimeHistory("verify-me", 300, Instant.parse("2030-01-01T00:00:00Z"));
        StringBuilder log = new StringBuilder();
        LedgerEvent last = null;
        while (history.hasNext()) {
            last = history.next();
            log.append(LedgerJson.mapper().writeValueAsString(last)).append('\n');
        }

        AuditLogVerifier.Verdict verdict = AuditLogVerifier.verify(new StringReader(log.toString()),
                new ChainHead(last.sequence(), last.hash()));

        assertThat(last.sequence()).isEqualTo(300);
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.isClean()).isTrue();
    }

    @Test
    void theHistoryHasTheWriteBenchmarksMixAfterItsSetUp() {
        RegimeHistory history = new RegimeHistory("mix", 117, Instant.parse("2030-01-01T00:00:00Z"));
        Map<String, Integer> types = new HashMap<>();
        while (history.hasNext()) {
            types.merge(history.next().getClass().getSimpleName(), 1, Integer::sum);
        }

        assertThat(types).containsEntry("RegimeOpenedEvent", 1).containsEntry("CompanyRegisteredEvent", 8)
                .containsEntry("BudgetAllocatedEvent", 8 + 50).containsEntry("BudgetTransferredEvent", 40)
                .containsEntry("SafetyCaseSubmittedEvent", 10);
    }

    @Test
    void rebuildRegimesAreSpreadEvenlyOverThePartitions() {
        List<String> ids = TopicHistory.regimeIdsSpreadOverPartitions("rebuild", 12);
        int[] perPartition = new int[LedgerTopic.DEFAULT_PARTITIONS];
        for (String id : ids) {
            perPartition[Utils.toPositive(Utils.murmur2(id.getBytes())) % LedgerTopic.DEFAULT_PARTITIONS]++;
        }

        assertThat(ids).hasSize(12).doesNotHaveDuplicates();
        assertThat(perPartition).containsOnly(2);
    }
}
