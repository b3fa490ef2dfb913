/**
 * The live stream: server-sent events, one per applied change, sent after the change's transaction committed, with
 * heartbeats, bounded subscribers and a replay from the history for a client that reconnects (or, from a browser,
 * that names the sequence it loaded); ended when the service stops, so a shutdown never waits for open streams.
 */
package org.riskbudget.projection.stream;
