/**
 * The benchmarks' tools, free of any one benchmark: service processes, an HTTP client with development tokens,
 * latency histograms, open-loop pacing, process and machine figures, progress lines and the results file.
 */
package org.riskbudget.bench.harness;
