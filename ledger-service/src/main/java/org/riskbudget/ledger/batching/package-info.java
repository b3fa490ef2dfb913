/** Batching: a regime's waiting commands share one transaction, each still refused or accepted on its own. */
package org.riskbudget.ledger.batching;
