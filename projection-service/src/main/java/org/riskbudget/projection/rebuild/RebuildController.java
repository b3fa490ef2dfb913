package org.riskbudget.projection.rebuild;

import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.view.RebuildAccepted;
import org.riskbudget.projection.http.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /admin/rebuild} (regulator): answers 202 at once; the read model is replayed in the background. */
@RestController
class RebuildController {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Refuses(LedgerErrorCode.FORBIDDEN)
    @PostMapping("/api/v1/admin/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildAccepted rebuild() {
        return new RebuildAccepted(rebuilds.start());
    }
}
