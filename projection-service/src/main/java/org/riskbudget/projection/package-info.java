/** projection-service: the read side of the Risk Budget Ledger, built from the events topic. */
package org.riskbudget.projection;
