/**
 * Reading one's own writes: a read with {@code minSequence} waits, bounded, until the projection has applied that
 * sequence of the regime, woken by the consumer after each commit rather than by polling.
 */
package org.riskbudget.projection.freshness;
