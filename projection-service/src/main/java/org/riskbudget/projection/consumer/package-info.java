/**
 * The Kafka consumer of the events topic: each poll's batch is applied in one database transaction, and its offsets
 * are committed only after that transaction committed. At-least-once delivery and idempotent application give an
 * exactly-once effect; a gap stalls its partition, never skips. It also says how far it is behind the topic (consumer
 * lag) and whether the broker answers (health, not readiness).
 */
package org.riskbudget.projection.consumer;
