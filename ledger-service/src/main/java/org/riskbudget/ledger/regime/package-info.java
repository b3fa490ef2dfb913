/**
 * The regime aggregate: one ledger per regime holding its pool, company accounts, safety cases and transfers,
 * where every rule of the budget is checked and every movement becomes a hash-chained event.
 */
package org.riskbudget.ledger.regime;
