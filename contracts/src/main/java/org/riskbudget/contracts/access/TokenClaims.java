package org.riskbudget.contracts.access;

/**
 * The JWT claims both services read: {@code sub} names the caller, {@code roles} holds exactly one of
 * {@link Role}'s caller roles, and {@code company_id} binds a COMPANY caller to its company.
 */
public final class TokenClaims {

    public static final String ROLES = "roles";
    public static final String COMPANY_ID = "company_id";
    /** The issuer of tokens from the local development issuer of standalone mode. */
    public static final String LOCAL_ISSUER = "urn:risk-budget-ledger:local-issuer";

    private TokenClaims() {}
}
