package org.riskbudget.ledger.expiry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.riskbudget.contracts.event.SafetyCaseAcceptedEvent;
import org.riskbudget.contracts.event.SafetyCaseExpiredEvent;
import org.riskbudget.contracts.event.SafetyCaseRejectedEvent;
import org.riskbudget.contracts.event.SafetyCaseRevokedEvent;
import org.riskbudget.contracts.event.SafetyCaseSubmittedEvent;
import org.riskbudget.contracts.event.SafetyCaseWithdrawnEvent;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.RegimeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The window end of every case that is or may become deployed, kept from the events by a tracking processor, so
 * deadlines survive restarts and every instance sees the same ones. A case leaves the table once it can no longer
 * expire.
 */
@Component
@ProcessingGroup(CaseDeadlines.PROCESSING_GROUP)
class CaseDeadlines {

    static final String PROCESSING_GROUP = "case-deadlines";

    private final JdbcClient jdbc;

    CaseDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Due(RegimeId regimeId, CaseId caseId) {}

    @EventHandler
    void on(SafetyCaseSubmittedEvent event) {
        jdbc.sql("""
                        INSERT INTO case_deadline (regime_id, case_id, window_end) VALUES (:regime, :case, :end)
                        ON CONFLICT DO NOTHING""")
                .param("regime", event.regimeId().value()).param("case", event.caseId().value())
                .param("end", Timestamp.from(event.window().to())).update();
    }

    @EventHandler
    void on(SafetyCaseAcceptedEvent event) {
        jdbc.sql("UPDATE case_deadline SET accepted = TRUE WHERE regime_id = :regime AND case_id = :case")
                .param("regime", event.regimeId().value()).param("case", event.caseId().value()).update();
    }

    @EventHandler
    void on(SafetyCaseRejectedEvent event) {
        forget(event.regimeId(), event.caseId());
    }

    @EventHandler
    void on(SafetyCaseWithdrawnEvent event) {
        forget(event.regimeId(), event.caseId());
    }

    @EventHandler
    void on(SafetyCaseRevokedEvent event) {
        forget(event.regimeId(), event.caseId());
    }

    @EventHandler
    void on(SafetyCaseExpiredEvent event) {
        forget(event.regimeId(), event.caseId());
    }

    /** Accepted cases whose window has ended by {@code now}, oldest first, at most {@code limit}. */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT regime_id, case_id FROM case_deadline WHERE accepted AND window_end <= :now
                        ORDER BY window_end LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((row, number) -> new Due(RegimeId.of(row.getString(1)), CaseId.of(row.getString(2))))
                .list();
    }

    void forget(RegimeId regimeId, CaseId caseId) {
        jdbc.sql("DELETE FROM case_deadline WHERE regime_id = :regime AND case_id = :case")
                .param("regime", regimeId.value()).param("case", caseId.value()).update();
    }
}
