/** Commands: requests to change a regime's ledger, each carrying the acting principal. */
package org.riskbudget.contracts.command;
