package org.riskbudget.projection.stream;

import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.projection.http.QueryParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /regimes/{r}/stream}: server-sent events, one per applied change ({@code LedgerChange} JSON, named by
 * the event type, with the regime sequence as id). A client reconnecting with {@code Last-Event-ID} first gets
 * the changes it missed.
 */
@RestController
class StreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final StreamHub hub;
    private final JdbcTemplate jdbc;

    StreamController(StreamHub hub, JdbcTemplate jdbc) {
        this.hub = hub;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/regimes/{regimeId}/stream")
    SseEmitter stream(@PathVariable String regimeId,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId) {
        RegimeId regime = QueryParameters.regimeId(regimeId);
        long afterSequence = lastEventId == null ? -1 : sequence(lastEventId);
        if (jdbc.queryForList("SELECT 1 FROM regime_budget WHERE regime_id = ?", Integer.class, regime.value())
                .isEmpty()) {
            throw new LedgerException(LedgerErrorCode.NOT_FOUND, "regime " + regime.value() + " does not exist");
        }
        return hub.subscribe(regime, afterSequence);
    }

    private static long sequence(String lastEventId) {
        try {
            long sequence = Long.parseLong(lastEventId);
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new LedgerException(LedgerErrorCode.VALIDATION_FAILED,
                LAST_EVENT_ID + " must be the id (a sequence) of an event of this stream");
    }
}
