package org.riskbudget.contracts.view;

import java.time.Instant;
import org.riskbudget.contracts.risk.Ppb;

/**
 * One event that moved a company's balances, with the balances right after it and the event's hash, so each line
 * can be found in the exported audit log.
 */
public record StatementLine(long sequence, Instant occurredAt, String type, Ppb availablePpb, Ppb reservedPpb,
        Ppb spentPpb, String hash) {}
