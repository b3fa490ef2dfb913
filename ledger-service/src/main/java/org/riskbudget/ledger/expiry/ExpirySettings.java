package org.riskbudget.ledger.expiry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval how often due cases are looked for; a case expires at most this long after its window ends
 * @param maxPerSweep   the most cases one sweep expires, so a backlog drains in bounded steps
 */
@ConfigurationProperties("ledger.expiry")
record ExpirySettings(@DefaultValue("30s") Duration sweepInterval, @DefaultValue("100") int maxPerSweep) {}
