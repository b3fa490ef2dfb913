/**
 * The Kafka consumer of the events topic: each poll's batch is applied in one database transaction, and its offsets
 * are committed only after that transaction committed. At-least-once delivery and idempotent application give an
 * exactly-once effect; a gap stalls its partition, never skips.
 */
package org.riskbudget.projection.consumer;
