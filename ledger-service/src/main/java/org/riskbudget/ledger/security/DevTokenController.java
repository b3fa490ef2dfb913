package org.riskbudget.ledger.security;

import java.util.Map;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.api.DevTokenRequest;
import org.riskbudget.contracts.api.DevTokenResponse;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Development tokens; registered only when the local issuer is enabled, so elsewhere these paths do not exist. */
@RestController
@ConditionalOnProperty(name = "ledger.security.local-issuer.enabled", havingValue = "true")
@RequestMapping("/api/v1/dev")
class DevTokenController {

    private final LocalTokenIssuer issuer;

    DevTokenController(LocalTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping("/tokens")
    DevTokenResponse token(@RequestBody DevTokenRequest request) {
        if (request.role() == null || request.role() == Role.SYSTEM) {
            throw new LedgerException(LedgerErrorCode.VALIDATION_FAILED,
                    "role must be one of REGULATOR, AUDITOR, COMPANY, VIEWER");
        }
        if (request.role() == Role.COMPANY && request.companyId() == null) {
            throw new LedgerException(LedgerErrorCode.VALIDATION_FAILED, "companyId is required for COMPANY tokens");
        }
        return issuer.issue(request.role(), request.companyId());
    }

    @GetMapping("/jwks")
    Map<String, Object> keys() {
        return issuer.publicKeys();
    }
}
