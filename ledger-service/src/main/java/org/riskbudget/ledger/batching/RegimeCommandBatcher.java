package org.riskbudget.ledger.batching;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.riskbudget.contracts.api.CommandResult;
import org.riskbudget.contracts.command.LedgerCommand;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Coalesces the commands waiting for one regime into one transaction. Each command still runs in a unit of work of
 * its own, nested in the batch's and on a savepoint of its transaction, so a refused command changes nothing while
 * its neighbours go ahead; the batch's events are appended together and committed with one flush to disk, and every
 * caller gets its answer only after that commit. Commits, not handling, are what limit a regime's throughput.
 * <p>
 * A batch that fails as a whole (a failure other than a refusal, or the commit itself, for instance because another
 * instance changed the regime at the same moment) is rolled back and each of its commands run again on its own,
 * retrying conflicts: nothing of a failed batch was acknowledged.
 */
@Component
public class RegimeCommandBatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RegimeCommandBatcher.class);

    private final CommandBus commandBus;
    private final TransactionManager transactions;
    private final Cache regimeCache;
    private final BatchingSettings settings;
    private final ExecutorService workers;
    private final Map<String, RegimeQueue> queues = new ConcurrentHashMap<>();
    private final DistributionSummary batchSizes;

    RegimeCommandBatcher(CommandBus commandBus, TransactionManager transactions,
            @Qualifier("regimeCache") Cache regimeCache, BatchingSettings settings, MeterRegistry meters) {
        this.commandBus = commandBus;
        this.transactions = transactions;
        this.regimeCache = regimeCache;
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workerThreads(),
                runnable -> new Thread(runnable, "regime-batcher-" + threads.incrementAndGet()));
        this.batchSizes = DistributionSummary.builder("ledger.commands.batch.size")
                .description("Commands committed together in one transaction").register(meters);
    }

    /** Queues a command for its regime; the answer completes once the command's batch has committed. */
    public CompletableFuture<CommandResult> submit(CommandMessage<? extends LedgerCommand> message) {
        String regimeId = message.getPayload().regimeId().value();
        PendingCommand pending = new PendingCommand(message, new CompletableFuture<>());
        RegimeQueue queue = queues.computeIfAbsent(regimeId, id -> new RegimeQueue());
        if (!queue.offer(pending, settings.maxQueuedPerRegime())) {
            pending.answer().completeExceptionally(new LedgerException(LedgerErrorCode.UNAVAILABLE,
                    "regime " + regimeId + " has " + settings.maxQueuedPerRegime() + " commands waiting; retry"));
        } else if (queue.claim()) {
            workers.execute(() -> drain(regimeId, queue));
        }
        return pending.answer();
    }

    /** One batch, then the queue goes back to the pool, so one busy regime cannot starve the others. */
    private void drain(String regimeId, RegimeQueue queue) {
        List<PendingCommand> batch = queue.take(settings.maxBatchSize());
        try {
            if (!batch.isEmpty()) {
                run(regimeId, batch);
            }
        } catch (RuntimeException unexpected) {
            log.error("Batch of regime {} failed unexpectedly", regimeId, unexpected);
            batch.forEach(pending -> pending.answer().completeExceptionally(unexpected));
        } finally {
            if (queue.releaseOrReclaim()) {
                workers.execute(() -> drain(regimeId, queue));
            }
        }
    }

    private void run(String regimeId, List<PendingCommand> batch) {
        if (batch.size() == 1) {
            runAlone(regimeId, batch.get(0));
            return;
        }
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactions);
            for (PendingCommand pending : batch) {
                Outcome outcome = dispatch(pending.message());
                if (outcome.spoilsTheBatch()) {
                    throw new BatchSpoiled(outcome.failure());
                }
                outcomes.add(outcome);
            }
            unitOfWork.commit();
        } catch (RuntimeException failure) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failure);
            }
            regimeCache.remove(regimeId);
            log.warn("A batch of {} commands on regime {} failed ({}); running them one by one", batch.size(),
                    regimeId, failure.toString());
            batch.forEach(pending -> runAlone(regimeId, pending));
            return;
        }
        batchSizes.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            outcomes.get(i).answer(batch.get(i));
        }
    }

    /** A command in a transaction of its own, retried when another instance changed the regime meanwhile. */
    private void runAlone(String regimeId, PendingCommand pending) {
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = dispatch(pending.message());
            if (outcome.failure() instanceof ConcurrencyException && attempt < settings.maxConflictRetries()) {
                // Another instance appended to the regime since this one loaded it: expected when instances share
                // a regime, and worth seeing when they do so often.
                log.info("A command on regime {} failed on a concurrent change by another instance; loading the "
                        + "regime again and retrying (attempt {} of {})", regimeId, attempt + 1,
                        settings.maxConflictRetries());
                regimeCache.remove(regimeId);
                continue;
            }
            batchSizes.record(1);
            outcome.answer(pending);
            return;
        }
    }

    /** Handles a command synchronously in this thread: nested in the batch's unit of work when there is one. */
    private Outcome dispatch(CommandMessage<?> message) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        commandBus.dispatch(message, (command, result) -> outcome.complete(Outcome.of(result)));
        return outcome.join();
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }

    /** A failure other than a refusal inside a batch: the batch's state can no longer be trusted. */
    private static final class BatchSpoiled extends RuntimeException {

        BatchSpoiled(Throwable cause) {
            super(cause);
        }
    }
}
