package org.riskbudget.bench.deploy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics the dashboard and the alert rules may use: each Micrometer meter the services register, where it is
 * registered, and the names Prometheus gives it. A meter marked {@link Origin#SERVICE} is checked against the
 * service's source (its name must appear there as a string literal), so a renamed meter fails the build here
 * instead of leaving an empty panel.
 */
final class KnownMetrics {

    enum Kind {
        /** {@code name_total}. */
        COUNTER,
        /** The name itself, with the base unit appended when the meter has one. */
        GAUGE,
        /** {@code name_seconds_count}, {@code _sum}, {@code _max}. */
        TIMER,
        /** A timer with {@code publishPercentileHistogram()}: also {@code name_seconds_bucket}. */
        TIMER_HISTOGRAM,
        /** Written by Prometheus itself for every target. */
        SCRAPE
    }

    enum Origin {
        /** Registered in the service's own code; verified against its source. */
        SERVICE,
        /**
         * Being added to ledger-service by a colleague (the per-regime and per-company budget gauges); listed with the
         * agreed names so the dashboard can be built now. Move an entry to SERVICE once its meter is in the source.
         */
        ANNOUNCED,
        /** Registered by Spring Boot's and Micrometer's standard binders (JVM, HTTP server). */
        STANDARD,
        /** Prometheus' own series. */
        PROMETHEUS
    }

    /**
     * @param service   the module that registers it ({@code ledger-service}, {@code projection-service}), or "any"
     * @param meter     the Micrometer name, dotted
     * @param baseUnit  a gauge's base unit as Micrometer appends it ("bytes"), or null
     */
    record Metric(String service, String meter, Kind kind, String baseUnit, Origin origin, String registeredIn) {

        Set<String> prometheusNames() {
            String base = meter.replace('.', '_');
            return switch (kind) {
                case COUNTER -> Set.of(base + "_total");
                case GAUGE -> Set.of(baseUnit == null ? base : base + "_" + baseUnit);
                case TIMER -> Set.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max");
                case TIMER_HISTOGRAM -> Set.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max",
                        base + "_seconds_bucket");
                case SCRAPE -> Set.of(base);
            };
        }
    }

    static final List<Metric> ALL = List.of(
            // ledger-service
            new Metric("ledger-service", "ledger.commands", Kind.TIMER_HISTOGRAM, null, Origin.SERVICE,
                    "http/CommandDispatcher.java: tags command, outcome (accepted, refused, failed), code"),
            new Metric("ledger-service", "ledger.publish.delay", Kind.TIMER, null, Origin.SERVICE,
                    "publishing/EventPublisher.java: occurredAt to the broker's acknowledgement"),
            new Metric("ledger-service", "ledger.publish.events", Kind.COUNTER, null, Origin.SERVICE,
                    "publishing/EventPublisher.java: tag type"),
            new Metric("ledger-service", "ledger.publish.failures", Kind.COUNTER, null, Origin.SERVICE,
                    "publishing/EventPublisher.java: tag type"),
            new Metric("ledger-service", "ledger.publish.lag.events", Kind.GAUGE, null, Origin.SERVICE,
                    "publishing/PublishLag.java: stored events not yet acknowledged by the broker"),
            new Metric("ledger-service", "ledger.regime.cap.ppb", Kind.GAUGE, null, Origin.ANNOUNCED,
                    "budget gauges, tag regime"),
            new Metric("ledger-service", "ledger.regime.spent.ppb", Kind.GAUGE, null, Origin.ANNOUNCED,
                    "budget gauges, tag regime"),
            new Metric("ledger-service", "ledger.regime.remaining.ppb", Kind.GAUGE, null, Origin.ANNOUNCED,
                    "budget gauges, tag regime"),
            new Metric("ledger-service", "ledger.company.available.ppb", Kind.GAUGE, null, Origin.ANNOUNCED,
                    "budget gauges, tags regime, company"),
            new Metric("ledger-service", "ledger.company.spent.ppb", Kind.GAUGE, null, Origin.ANNOUNCED,
                    "budget gauges, tags regime, company"),
            // projection-service
            new Metric("projection-service", "projection.lag", Kind.TIMER, null, Origin.SERVICE,
                    "consumer/ProjectionMetrics.java: occurredAt to application in the read model"),
            new Metric("projection-service", "projection.events.applied", Kind.COUNTER, null, Origin.SERVICE,
                    "consumer/ProjectionMetrics.java: tag type"),
            new Metric("projection-service", "projection.events.duplicates", Kind.COUNTER, null, Origin.SERVICE,
                    "consumer/ProjectionMetrics.java"),
            new Metric("projection-service", "projection.records.unreadable", Kind.COUNTER, null, Origin.SERVICE,
                    "consumer/ProjectionMetrics.java"),
            new Metric("projection-service", "projection.batches.failed", Kind.COUNTER, null, Origin.SERVICE,
                    "consumer/ProjectionMetrics.java"),
            new Metric("projection-service", "projection.gaps", Kind.COUNTER, null, Origin.SERVICE,
                    "consumer/ProjectionMetrics.java: tag kind"),
            new Metric("projection-service", "projection.regime.last.sequence", Kind.GAUGE, null, Origin.SERVICE,
                    "freshness/AppliedSequences.java: tag regime"),
            // Spring Boot / Micrometer standard meters, in both services
            new Metric("any", "http.server.requests", Kind.TIMER, null, Origin.STANDARD,
                    "Spring MVC observation: tags method, uri, status, outcome"),
            new Metric("any", "jvm.memory.used", Kind.GAUGE, "bytes", Origin.STANDARD, "JvmMemoryMetrics: tags area, id"),
            new Metric("any", "jvm.memory.max", Kind.GAUGE, "bytes", Origin.STANDARD, "JvmMemoryMetrics: tags area, id"),
            // Prometheus
            new Metric("any", "up", Kind.SCRAPE, null, Origin.PROMETHEUS, "1 when the last scrape of a target succeeded"));

    private KnownMetrics() {}

    static Set<String> prometheusNames() {
        Set<String> names = new TreeSet<>();
        ALL.forEach(metric -> names.addAll(metric.prometheusNames()));
        return names;
    }
}
