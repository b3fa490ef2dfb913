/**
 * Long, valid regime histories made without the ledger, for the benchmarks that need a million events: chained
 * exactly as the ledger chains them ({@code EventChain.seal} onto the previous hash), with balances that never
 * overdraw, written to the events topic or into the ledger's event store.
 */
package org.riskbudget.bench.history;
