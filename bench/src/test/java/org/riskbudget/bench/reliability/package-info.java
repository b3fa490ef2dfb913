/**
 * Reliability tests against the standalone stack as real processes, in the default test run: crashes under load
 * ({@link org.riskbudget.bench.reliability.CrashRecoveryTest}), two ledgers on one event store
 * ({@link org.riskbudget.bench.reliability.ConcurrentLedgersTest}) and hostile input
 * ({@link org.riskbudget.bench.reliability.HostileInputTest}). CI mode is bounded in time; the bench's long mode,
 * {@code -Dreliability.long=true}, runs 20 crash cycles of each kind and 10,000 hostile requests;
 * {@code -Dreliability.seed=N} replays a run's generated requests and load.
 */
package org.riskbudget.bench.reliability;
