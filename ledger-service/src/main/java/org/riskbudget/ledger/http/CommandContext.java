package org.riskbudget.ledger.http;

import jakarta.servlet.http.HttpServletRequest;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.CompanyId;

/**
 * What every command request carries besides its body: the authenticated actor, its idempotency key if any, and
 * the request line the key is bound to.
 */
record CommandContext(Actor actor, String idempotencyKey, HttpServletRequest request) {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    /** A company may act only for itself: refused here, before the body is validated, as the order of checks says. */
    void requireActsFor(CompanyId company) {
        if (company != null && actor.role() == Role.COMPANY && !actor.actsFor(company)) {
            throw new LedgerException(LedgerErrorCode.FORBIDDEN, "a company may act only for itself, not for "
                    + company.value());
        }
    }
}
