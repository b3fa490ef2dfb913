package org.riskbudget.ledger.regime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param snapshotEveryEvents how many events after the last snapshot a regime's next snapshot is due, which
 *                            bounds how many events a load replays (a large regime's snapshots are also paced
 *                            by how long they take to serialise, see {@link RegimeSnapshotter})
 * @param cachedRegimes       how many loaded regimes stay in memory; the least recently used beyond it is dropped
 */
@ConfigurationProperties("ledger.regime")
record RegimeSettings(@DefaultValue("1000") int snapshotEveryEvents, @DefaultValue("64") int cachedRegimes) {

    RegimeSettings {
        if (snapshotEveryEvents < 1) {
            throw new IllegalArgumentException("ledger.regime.snapshot-every-events must be at least 1");
        }
        if (cachedRegimes < 1) {
            throw new IllegalArgumentException("ledger.regime.cached-regimes must be at least 1");
        }
    }
}
