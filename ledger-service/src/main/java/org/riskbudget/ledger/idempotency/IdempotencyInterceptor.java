package org.riskbudget.ledger.idempotency;

import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.riskbudget.contracts.api.CommandResult;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.springframework.stereotype.Component;

/**
 * Makes a repeated command return its first answer and change nothing. It runs inside the command's unit of work,
 * after the transaction began, so the key's record commits with the command's events or not at all: a refused or
 * failed command leaves no record, and its key may be used again. The key is claimed before the command runs; its
 * answer is stored with the others of the transaction when it commits ({@link AnswersToStore}).
 */
@Component
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;

    IdempotencyInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        IdempotencyKey key = IdempotencyKey.from(unitOfWork.getMessage().getMetaData());
        if (key == null) {
            return chain.proceed();
        }
        AnswersToStore answers = AnswersToStore.of(unitOfWork, store);
        Optional<IdempotencyStore.Recorded> earlier = answers.find(key).or(() -> store.claim(key));
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(key.requestHash())) {
                throw new LedgerException(LedgerErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key.key()
                        + " was already used with a different request");
            }
            return earlier.get().result();
        }
        CommandResult result = (CommandResult) chain.proceed();
        answers.add(unitOfWork, key, result);
        return result;
    }
}
