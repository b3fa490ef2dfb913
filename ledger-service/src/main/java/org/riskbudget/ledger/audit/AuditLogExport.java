package org.riskbudget.ledger.audit;

import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.ledger.http.Refuses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit log: a regime's events as JSON lines, in sequence order, exactly as stored, so anyone holding the
 * export can recompute every hash and every balance without trusting this service. AUDITOR and REGULATOR only.
 */
@RestController
class AuditLogExport {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    private final StoredEvents events;

    AuditLogExport(StoredEvents events) {
        this.events = events;
    }

    @Refuses(LedgerErrorCode.NOT_FOUND)
    @GetMapping(path = "/api/v1/regimes/{regimeId}/audit-log", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(@PathVariable RegimeId regimeId,
            @RequestParam(defaultValue = "1") long from, @RequestParam(defaultValue = "" + Long.MAX_VALUE) long to) {
        if (from < 1 || to < from) {
            throw new LedgerException(LedgerErrorCode.VALIDATION_FAILED,
                    "from must be at least 1 and to at least from; the first event of a regime has sequence 1");
        }
        if (!events.exist(regimeId)) {
            throw new LedgerException(LedgerErrorCode.NOT_FOUND, "regime " + regimeId.value() + " does not exist");
        }
        return ResponseEntity.ok().contentType(JSON_LINES)
                .header("Content-Disposition", "attachment; filename=\"" + regimeId.value() + ".jsonl\"")
                .body(out -> events.writeLines(regimeId, from, to, out));
    }
}
