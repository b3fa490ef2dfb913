package org.riskbudget.projection.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the budget gauges are kept. The defaults bound them to 3 × 100 + 2 × 350 = 1000 series, whatever the size
 * of the read model: Prometheus keeps every series it has seen, so the count must not grow with the data.
 *
 * @param maxRegimes      regimes with gauges (three series each), the most recently changed first
 * @param maxCompanies    companies of those regimes with gauges (two series each), the most recently changed first
 * @param refreshInterval how often the figures are read again when events were applied since the last reading
 * @param maxAge          the longest the figures go unread even without events applied here (another instance of
 *                        the group may have applied them)
 */
@ConfigurationProperties("projection.metrics")
record GaugeSettings(
        @DefaultValue("100") int maxRegimes,
        @DefaultValue("350") int maxCompanies,
        @DefaultValue("10s") Duration refreshInterval,
        @DefaultValue("1m") Duration maxAge) {

    GaugeSettings {
        if (maxRegimes < 0 || maxCompanies < 0 || 3L * maxRegimes + 2L * maxCompanies > 10_000) {
            throw new IllegalArgumentException("projection.metrics: at most 10000 gauge series (3 per regime, 2 per "
                    + "company)");
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero() || maxAge.compareTo(refreshInterval) < 0) {
            throw new IllegalArgumentException("projection.metrics.refresh-interval must be positive and at most "
                    + "max-age");
        }
    }
}
