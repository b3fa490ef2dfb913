package org.riskbudget.ledger.batching;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The commands waiting for one regime. At most one worker drains it at a time, so a regime's commands are handled
 * in the order they arrived, one batch after another.
 */
final class RegimeQueue {

    private final Queue<PendingCommand> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    /** False when the queue is full. */
    boolean offer(PendingCommand command, int maxQueued) {
        if (size.incrementAndGet() > maxQueued) {
            size.decrementAndGet();
            return false;
        }
        waiting.add(command);
        return true;
    }

    /** Claims the queue for one worker; false when another worker already drains it. */
    boolean claim() {
        return draining.compareAndSet(false, true);
    }

    /**
     * Releases the claim; true when commands arrived meanwhile and the claim was taken again, so the caller must go
     * on draining (otherwise they could wait with nobody to run them).
     */
    boolean releaseOrReclaim() {
        draining.set(false);
        return !waiting.isEmpty() && claim();
    }

    List<PendingCommand> take(int max) {
        List<PendingCommand> batch = new ArrayList<>(Math.min(max, size.get()));
        PendingCommand next;
        while (batch.size() < max && (next = waiting.poll()) != null) {
            size.decrementAndGet();
            batch.add(next);
        }
        return batch;
    }
}
