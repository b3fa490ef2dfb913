/** The public language of the Risk Budget Ledger, shared by both services, their clients and the verifier. */
package org.riskbudget.contracts;
