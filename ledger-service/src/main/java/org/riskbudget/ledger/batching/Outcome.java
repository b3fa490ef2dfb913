package org.riskbudget.ledger.batching;

import org.axonframework.commandhandling.CommandResultMessage;
import org.riskbudget.contracts.api.CommandResult;
import org.riskbudget.contracts.error.LedgerException;

/** What handling one command gave: a result, a refusal, or a failure that stops the whole batch. */
record Outcome(CommandResult result, Throwable failure) {

    static Outcome of(CommandResultMessage<?> message) {
        return message.isExceptional() ? new Outcome(null, message.exceptionResult())
                : new Outcome((CommandResult) message.getPayload(), null);
    }

    /** A refusal changed nothing and leaves the rest of the batch sound; any other failure does not. */
    boolean spoilsTheBatch() {
        return failure != null && !(failure instanceof LedgerException);
    }

    void answer(PendingCommand pending) {
        if (failure == null) {
            pending.answer().complete(result);
        } else {
            pending.answer().completeExceptionally(failure);
        }
    }
}
