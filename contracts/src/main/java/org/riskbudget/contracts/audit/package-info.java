/**
 * The audit chain: canonical serialisation and hashing of events, shared by the ledger and its verifier, and the
 * verifier's independent replay of a regime's books from its events.
 */
package org.riskbudget.contracts.audit;
