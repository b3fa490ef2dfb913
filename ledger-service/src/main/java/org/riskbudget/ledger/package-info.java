/** ledger-service: the command side of the Risk Budget Ledger. */
package org.riskbudget.ledger;
