package org.riskbudget.ledger.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.audit.EventChain;
import org.riskbudget.contracts.event.SafetyCaseSubmittedEvent;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.ledger.LedgerServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * A history written before {@code SafetyCaseSubmitted} had its risk breakdown (revision 1) loads through the
 * upcaster into the same balances as the same history written today, with its chain intact.
 */
class RevisionOneHistoryTest extends LedgerServiceTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Repository<Regime> regimes;

    @Test
    void aRevisionOneHistoryLoadsIntoTheSameBalances() {
        String today = regimeWithCompanies(500_000, "frontier-a", "frontier-b");
        submitCase(today, "frontier-a", "case-1", 20_000);
        submitCase(today, "frontier-b", "case-2", 30_000);
        expectSuccess(regulator("/api/v1/regimes/" + today + "/safety-cases/case-1/acceptance", "{\"reasons\": \"r\"}"));
        String old = "old-" + UUID.randomUUID().toString().substring(0, 8);

        int rewritten = copyAsRevisionOne(today, old);

        assertThat(rewritten).isEqualTo(2);
        assertThat(books(old)).isEqualTo(books(today));
        List<SafetyCaseSubmittedEvent> submissions = eventStore.readEvents(old, 0).asStream()
                .map(DomainEventMessage::getPayload).filter(SafetyCaseSubmittedEvent.class::isInstance)
                .map(SafetyCaseSubmittedEvent.class::cast).toList();
        assertThat(submissions).allSatisfy(submitted -> assertThat(submitted.riskBreakdown())
                .isEqualTo(submitted.assessments().riskBreakdown()));
    }

    /**
     * Writes the events of {@code source} again under {@code target} as an older ledger would have: submissions at
     * revision 1 without a breakdown, every hash computed over what is written.
     */
    private int copyAsRevisionOne(String source, String target) {
        String previousHash = EventChain.genesis(RegimeId.of(target));
        int rewritten = 0;
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT sequencenumber, payloadtype, payloadrevision, payload, metadata, timestamp
                        FROM domainevententry WHERE aggregateidentifier = :regime ORDER BY sequencenumber""")
                .param("regime", source).query().listOfRows();
        for (Map<String, Object> row : rows) {
            ObjectNode event = (ObjectNode) LedgerJson.mapper().readTree((byte[]) row.get("payload"));
            event.put("regimeId", target);
            event.put(EventChain.PREVIOUS_HASH, previousHash);
            String revision = (String) row.get("payloadrevision");
            if (SafetyCaseSubmittedEvent.class.getName().equals(row.get("payloadtype"))) {
                event.remove("riskBreakdown");
                revision = "1";
                rewritten++;
            }
            event.put(EventChain.HASH, EventChain.hashOf(event));
            previousHash = event.get(EventChain.HASH).asString();
            jdbc.sql("""
                            INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                metadata, payload, payloadrevision, payloadtype, timestamp)
                            VALUES (:regime, :sequence, 'Regime', :id, :metadata, :payload, :revision, :type, :timestamp)""")
                    .param("regime", target).param("sequence", row.get("sequencenumber"))
                    .param("id", UUID.randomUUID().toString()).param("metadata", row.get("metadata"))
                    .param("payload", LedgerJson.mapper().writeValueAsBytes(event)).param("revision", revision)
                    .param("type", row.get("payloadtype")).param("timestamp", row.get("timestamp")).update();
        }
        return rewritten;
    }

    /** Pool and every company's accounts, as the regime loaded from the store holds them. */
    private Map<String, List<Ppb>> books(String regimeId) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Regime regime = regimes.load(regimeId).invoke(loaded -> loaded);
            Map<String, List<Ppb>> books = new TreeMap<>();
            books.put("pool", List.of(regime.poolPpb()));
            for (CompanyAccount account : regime.companyAccounts()) {
                books.put(account.companyId().value(),
                        List.of(account.availablePpb(), account.reservedPpb(), account.spentPpb()));
            }
            return books;
        } finally {
            unitOfWork.rollback();
        }
    }
}
