/**
 * The live stream: server-sent events, one per applied change, sent after the change's transaction committed, with
 * heartbeats, bounded subscribers and a replay from the history for a client that reconnects.
 */
package org.riskbudget.projection.stream;
