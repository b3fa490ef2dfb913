package org.riskbudget.ledger.regime;

import java.util.Arrays;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.CompanyId;

/**
 * Who may act. The HTTP layer checks roles first; the regime checks again, because it alone knows which company
 * owns a case, and because a rule enforced in one place only is a rule waiting to be bypassed.
 */
final class Access {

    private Access() {}

    static void requireRole(Actor actor, Role... allowed) {
        if (Arrays.stream(allowed).noneMatch(role -> role == actor.role())) {
            throw new LedgerException(LedgerErrorCode.FORBIDDEN,
                    actor.role() + " may not do this; allowed: " + Arrays.toString(allowed));
        }
    }

    /** A company acts only for itself; other roles are not bound to a company here. */
    static void requireActsFor(Actor actor, CompanyId company) {
        if (actor.role() == Role.COMPANY && !actor.actsFor(company)) {
            throw new LedgerException(LedgerErrorCode.FORBIDDEN,
                    "a company may act only for itself, not for " + company.value());
        }
    }

    /** A reviewer may not decide its own company's case. */
    static void requireIndependentReviewer(Actor actor, CompanyId caseOwner) {
        if (actor.actsFor(caseOwner)) {
            throw new LedgerException(LedgerErrorCode.FORBIDDEN,
                    "a reviewer may not decide a case of its own company " + caseOwner.value());
        }
    }
}
