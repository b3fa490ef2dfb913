/**
 * The benchmarks' workload: one mix of balance movements (allocations, transfers, case submissions) used for the
 * commands sent over HTTP and for the histories generated for the rebuild and footprint benchmarks, and the
 * closed-loop and open-loop drivers that send it.
 */
package org.riskbudget.bench.workload;
