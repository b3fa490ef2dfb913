package org.riskbudget.ledger.expiry;

import java.time.Clock;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.command.ExpireSafetyCaseCommand;
import org.riskbudget.contracts.command.LedgerCommand;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.ledger.batching.RegimeCommandBatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Expires accepted cases whose deployment window has ended: the ledger's scheduled deadline. Each expiry is an
 * ordinary command by the SYSTEM actor, so the regime decides and records it like any other; if another instance
 * expired the case first, the regime refuses the second attempt and the deadline is simply forgotten.
 */
@Component
class ExpirySweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final CaseDeadlines deadlines;
    private final RegimeCommandBatcher commands;
    private final ExpirySettings settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    ExpirySweep(CaseDeadlines deadlines, RegimeCommandBatcher commands, ExpirySettings settings, Clock clock) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    void sweep() {
        for (CaseDeadlines.Due due : deadlines.due(clock.instant(), settings.maxPerSweep())) {
            try {
                commands.submit(GenericCommandMessage.<LedgerCommand>asCommandMessage(
                        new ExpireSafetyCaseCommand(due.regimeId(), due.caseId(), Actor.SYSTEM))).join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof LedgerException refusal
                        && (refusal.code() == LedgerErrorCode.INVALID_STATE || refusal.code() == LedgerErrorCode.NOT_FOUND)) {
                    deadlines.forget(due.regimeId(), due.caseId());
                } else {
                    log.warn("Could not expire case {} of regime {}; will try again", due.caseId().value(),
                            due.regimeId().value(), failed.getCause());
                }
            }
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "expiry-sweep"));
        long intervalMs = settings.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepSafely, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException failure) {
            log.warn("Expiry sweep failed; the next one will retry", failure);
        }
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
