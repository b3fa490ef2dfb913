package org.riskbudget.contracts.error;

import org.riskbudget.contracts.policy.PolicyRule;

/**
 * A refusal: the command broke a rule and changed nothing. Carries the stable code, a sentence for people and,
 * for policy refusals, the rule that was broken.
 */
public class LedgerException extends RuntimeException {

    private final LedgerErrorCode code;
    private final PolicyRule rule;

    public LedgerException(LedgerErrorCode code, String detail) {
        this(code, detail, null);
    }

    public LedgerException(LedgerErrorCode code, String detail, PolicyRule rule) {
        super(detail);
        this.code = code;
        this.rule = rule;
    }

    public static LedgerException policy(PolicyRule rule, String detail) {
        return new LedgerException(LedgerErrorCode.POLICY_VIOLATION, detail, rule);
    }

    public LedgerErrorCode code() {
        return code;
    }

    /** The broken policy rule, or null when the refusal is not about policy. */
    public PolicyRule rule() {
        return rule;
    }
}
