package org.riskbudget.projection.stream;

import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.projection.http.QueryParameters;
import org.riskbudget.projection.http.Refuses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /regimes/{r}/stream}: server-sent events, one per applied change ({@code LedgerChange} JSON, named by
 * the event type, with the regime sequence as id). A client reconnecting with {@code Last-Event-ID} first gets
 * the changes it missed. A browser's {@code EventSource} cannot set that header on its first connection, so the
 * same position may be given as {@code ?lastEventId=}: a page that loaded the budget at sequence N subscribes from N
 * and misses nothing in between. On reconnection the header, which is newer, wins.
 */
@RestController
class StreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    static final String LAST_EVENT_ID_PARAMETER = "lastEventId";
    /** Read by the security filter (see the security package's StreamTokenResolver), never here. */
    static final String ACCESS_TOKEN_PARAMETER = "access_token";

    private final StreamHub hub;
    private final JdbcTemplate jdbc;

    StreamController(StreamHub hub, JdbcTemplate jdbc) {
        this.hub = hub;
        this.jdbc = jdbc;
    }

    @Refuses({LedgerErrorCode.NOT_FOUND, LedgerErrorCode.UNAVAILABLE})
    @GetMapping("/api/v1/regimes/{regimeId}/stream")
    SseEmitter stream(@PathVariable String regimeId,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
            @RequestParam(name = LAST_EVENT_ID_PARAMETER, required = false) String lastEventIdParameter,
            // Declared so the strict query parameter check lets the stream's token through, and so it is documented.
            @RequestParam(name = ACCESS_TOKEN_PARAMETER, required = false) String accessToken) {
        RegimeId regime = QueryParameters.regimeId(regimeId);
        String position = lastEventId != null ? lastEventId : lastEventIdParameter;
        long afterSequence = position == null ? -1 : sequence(position);
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
        throw new LedgerException(LedgerErrorCode.VALIDATION_FAILED, LAST_EVENT_ID + " (or " + LAST_EVENT_ID_PARAMETER
                + ") must be the id (a sequence) of an event of this stream");
    }
}
