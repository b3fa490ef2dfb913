package org.riskbudget.ledger.idempotency;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.riskbudget.contracts.api.CommandResult;

/**
 * The answers given in one transaction (a batch's, or a lone command's), stored into their claimed records together
 * just before it commits: one round trip per batch instead of one per command. A later command of the same
 * transaction with the same key finds its answer here, since its record is not complete yet.
 */
final class AnswersToStore {

    private static final String RESOURCE = AnswersToStore.class.getName();

    private final Map<Claim, Answer> answers = new LinkedHashMap<>();

    /** The transaction's answers, stored by {@code store} in its prepare-commit phase. */
    static AnswersToStore of(UnitOfWork<?> unitOfWork, IdempotencyStore store) {
        UnitOfWork<?> transaction = unitOfWork.root();
        return transaction.getOrComputeResource(RESOURCE, name -> {
            AnswersToStore answers = new AnswersToStore();
            transaction.onPrepareCommit(committing -> store.complete(answers.answers.values()));
            return answers;
        });
    }

    Optional<IdempotencyStore.Recorded> find(IdempotencyKey key) {
        return Optional.ofNullable(answers.get(new Claim(key)));
    }

    /** Keeps the command's answer, and drops it again if the command's own unit of work rolls back. */
    void add(UnitOfWork<?> command, IdempotencyKey key, CommandResult result) {
        Claim claim = new Claim(key);
        answers.put(claim, new Answer(key, result));
        command.onRollback(rolledBack -> answers.remove(claim));
    }

    /** Keys are scoped per caller. */
    private record Claim(String principal, String key) {

        Claim(IdempotencyKey key) {
            this(key.principal(), key.key());
        }
    }

    record Answer(IdempotencyKey key, CommandResult result) implements IdempotencyStore.Recorded {

        @Override
        public String requestHash() {
            return key.requestHash();
        }
    }
}
