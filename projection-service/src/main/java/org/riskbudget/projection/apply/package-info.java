/**
 * Applying events to the read model: a batch's rows are loaded once, every event of the batch is applied to them in
 * memory in sequence order per regime (duplicates skipped, gaps refused), and the result is written back with JDBC
 * batches, all in the caller's transaction.
 */
package org.riskbudget.projection.apply;
