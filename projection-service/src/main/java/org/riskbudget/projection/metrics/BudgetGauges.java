package org.riskbudget.projection.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;
import org.riskbudget.projection.apply.AppliedEvent;
import org.riskbudget.projection.consumer.ProjectionListener;
import org.riskbudget.projection.metrics.GaugedFigures.CompanyFigures;
import org.riskbudget.projection.metrics.GaugedFigures.Reading;
import org.riskbudget.projection.metrics.GaugedFigures.RegimeFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges per regime ({@code ledger.regime.cap.ppb}, {@code .spent.ppb}, {@code .remaining.ppb}, tag {@code regime})
 * and per company ({@code ledger.company.available.ppb}, {@code .spent.ppb}, tags {@code regime} and
 * {@code company}). A scrape reads only what was last read from the database: the figures are read again on a
 * schedule of their own, soon after events were applied and at least every {@code max-age}, so scrapes put no load
 * on the database however often they come. A regime or company that falls out of the gauged set (or out of the
 * read model, in a rebuild) loses its series. {@code ledger.gauges.truncated} is 1 when some were left out.
 */
@Component
class BudgetGauges implements ProjectionListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BudgetGauges.class);

    private final GaugedFigures figures;
    private final GaugeSettings settings;
    private final Clock clock;
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "budget-gauges");
        thread.setDaemon(true);
        return thread;
    });
    private final MultiGauge regimeCap;
    private final MultiGauge regimeSpent;
    private final MultiGauge regimeRemaining;
    private final MultiGauge companyAvailable;
    private final MultiGauge companySpent;
    /** Refresher thread only, like the fields below. */
    private Instant lastReading = Instant.MIN;
    private boolean failing;
    private volatile boolean truncated;

    BudgetGauges(GaugedFigures figures, GaugeSettings settings, MeterRegistry registry, Clock clock) {
        this.figures = figures;
        this.settings = settings;
        this.clock = clock;
        regimeCap = gauge(registry, "ledger.regime.cap.ppb", "The regime's cap");
        regimeSpent = gauge(registry, "ledger.regime.spent.ppb", "Spent across the regime's companies");
        regimeRemaining = gauge(registry, "ledger.regime.remaining.ppb",
                "What could still be spent: cap − spent − reserved; negative once the cap is broken");
        companyAvailable = gauge(registry, "ledger.company.available.ppb",
                "The company's available balance; negative when it must pause");
        companySpent = gauge(registry, "ledger.company.spent.ppb", "What the company has spent");
        Gauge.builder("ledger.gauges.truncated", this, gauges -> gauges.truncated ? 1 : 0)
                .description("1 when more regimes or companies exist than have budget gauges").register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long intervalMs = settings.refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshIfDue, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void applied(List<AppliedEvent> events) {
        changed.set(true);
    }

    @Override
    public void reset() {
        changed.set(true);
    }

    private void refreshIfDue() {
        Instant now = clock.instant();
        boolean stale = !now.isBefore(lastReading.plus(settings.maxAge()));
        if (!changed.getAndSet(false) && !stale) {
            return;
        }
        try {
            show(figures.read(settings.maxRegimes(), settings.maxCompanies()));
            lastReading = now;
            if (failing) {
                log.info("Budget gauges are read again");
                failing = false;
            }
        } catch (RuntimeException failure) {
            changed.set(true); // read again next time; meanwhile the gauges keep their last figures
            if (!failing) {
                log.warn("Cannot read the budget gauges' figures; they keep their last values: {}",
                        failure.getMessage());
                failing = true;
            }
        }
    }

    private void show(Reading reading) {
        regimeCap.register(regimeRows(reading.regimes(), RegimeFigures::capPpb), true);
        regimeSpent.register(regimeRows(reading.regimes(), RegimeFigures::spentPpb), true);
        regimeRemaining.register(regimeRows(reading.regimes(), RegimeFigures::remainingPpb), true);
        companyAvailable.register(companyRows(reading.companies(), CompanyFigures::availablePpb), true);
        companySpent.register(companyRows(reading.companies(), CompanyFigures::spentPpb), true);
        truncated = reading.truncated();
    }

    private static List<MultiGauge.Row<?>> regimeRows(List<RegimeFigures> regimes, ToLongFunction<RegimeFigures> value) {
        return regimes.stream().<MultiGauge.Row<?>>map(regime -> MultiGauge.Row.of(
                Tags.of("regime", regime.regimeId()), value.applyAsLong(regime))).toList();
    }

    private static List<MultiGauge.Row<?>> companyRows(List<CompanyFigures> companies,
            ToLongFunction<CompanyFigures> value) {
        return companies.stream().<MultiGauge.Row<?>>map(company -> MultiGauge.Row.of(
                Tags.of("regime", company.regimeId(), "company", company.companyId()),
                value.applyAsLong(company))).toList();
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
