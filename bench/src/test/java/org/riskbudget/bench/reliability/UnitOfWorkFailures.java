package org.riskbudget.bench.reliability;

import org.riskbudget.bench.harness.ServiceProcess;

/**
 * Failures Axon logs and swallows: a handler of a unit of work's rollback, after-commit or clean-up phase that
 * threw. One such, a savepoint rollback that found its transaction already rolled back, hid a batch undoing the
 * commands before a refused one; a run that logs any has gone wrong even when its answers look right.
 */
final class UnitOfWorkFailures {

    private static final String SWALLOWED = "An error occurred while executing a lifecycle phase handler";

    private UnitOfWorkFailures() {}

    /** How many the service has logged since it first started. */
    static long loggedBy(ServiceProcess service) {
        return service.logLinesContaining(SWALLOWED);
    }
}
