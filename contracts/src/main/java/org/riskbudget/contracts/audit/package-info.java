/** The audit chain: canonical serialisation and hashing of events, shared by the ledger and its verifier. */
package org.riskbudget.contracts.audit;
