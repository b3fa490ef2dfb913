package org.riskbudget.contracts.api;

import java.time.Instant;

/** A token from the local development issuer. */
public record DevTokenResponse(String token, Instant expiresAt) {}
