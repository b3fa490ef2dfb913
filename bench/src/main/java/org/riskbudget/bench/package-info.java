/**
 * The benchmarks (run on demand, never in the default test run; see docs/PERFORMANCE.md): write throughput against
 * a naive SQL ledger, freshness of the read side, rebuild rate against a raw consumer, and the ledger's footprint
 * with a million events. {@link org.riskbudget.bench.Benchmarks} runs them and writes bench/results/latest.json.
 */
package org.riskbudget.bench;
