package org.riskbudget.ledger.storage;

import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's units of work in Spring transactions, nested as savepoints when one is already open. Axon's own manager
 * commits or rolls back only transactions it started, and a savepoint is not one: a refused command in a batch
 * would keep what it wrote (its idempotency claim, for one). This one also releases or rolls back its savepoints.
 */
final class SavepointTransactionManager extends SpringTransactionManager {

    private final PlatformTransactionManager transactions;

    SavepointTransactionManager(PlatformTransactionManager transactions) {
        super(transactions, new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        this.transactions = transactions;
    }

    @Override
    protected void commitTransaction(TransactionStatus status) {
        if (ownedByThisUnitOfWork(status)) {
            transactions.commit(status);
        }
    }

    @Override
    protected void rollbackTransaction(TransactionStatus status) {
        if (ownedByThisUnitOfWork(status)) {
            transactions.rollback(status);
        }
    }

    private static boolean ownedByThisUnitOfWork(TransactionStatus status) {
        return (status.isNewTransaction() || status.hasSavepoint()) && !status.isCompleted();
    }
}
