package org.riskbudget.contracts.audit;

/**
 * Something in a regime's log that the ledger's rules forbid, found by replaying the log: the sequence of the
 * event where it shows, the rule it breaks, and a sentence for the auditor.
 * <p>
 * {@code rule} is a string rather than an enum so that every reader of the log (this replay, the verifier's chain
 * check) reports in one list; the rules the replay checks are the constants below, stable like error codes.
 *
 * @param sequence the sequence the offending event states (for a missing event, the one expected)
 * @param rule     one of the constants below, or a rule of another checker
 * @param detail   what was found, with the figures involved
 */
public record Finding(long sequence, String rule, String detail) {

    /** The event's sequence is not the previous event's plus one (the first event's is 1). */
    public static final String SEQUENCE_BROKEN = "SEQUENCE_BROKEN";
    /** The event names another regime than the log's first event. */
    public static final String REGIME_MISMATCH = "REGIME_MISMATCH";
    /** A field the event cannot do without is missing, or its content cannot be evaluated. */
    public static final String MALFORMED_EVENT = "MALFORMED_EVENT";
    /** An amount outside what any movement can carry (negative, zero where a movement must move something, or above probability one). */
    public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
    /** The event names a company, case or transfer the regime does not have. */
    public static final String UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE";
    /** The event creates a company, case or transfer whose id is taken. */
    public static final String DUPLICATE_ID = "DUPLICATE_ID";
    /** The event is not possible in the state its subject is in (accepting a case that is not submitted, …). */
    public static final String INVALID_STATE = "INVALID_STATE";
    /** The event names other parties than the case or transfer it is about. */
    public static final String PARTY_MISMATCH = "PARTY_MISMATCH";
    /** The amount moved differs from what the state says must move (a case's reservation, a pending transfer). */
    public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
    /** A stated risk differs from the risk recomputed from the case's assessments. */
    public static final String RISK_MISMATCH = "RISK_MISMATCH";
    /** A voluntary movement took more than its source held. */
    public static final String OVERDRAWN = "OVERDRAWN";
    /** A case of a company whose available balance is negative was submitted or accepted. */
    public static final String COMPANY_PAUSED = "COMPANY_PAUSED";
    /** The pool, or a company's reserved or spent account, went negative. */
    public static final String NEGATIVE_BALANCE = "NEGATIVE_BALANCE";
    /** pool + Σ available + Σ reserved + Σ spent no longer equals the cap. */
    public static final String INVARIANT_BROKEN = "INVARIANT_BROKEN";
}
