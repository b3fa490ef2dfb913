/** Events: the regime's ledger as an ordered, hash-chained sequence of facts. */
package org.riskbudget.contracts.event;
