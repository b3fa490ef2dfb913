/** Publishing: every stored event goes to the events topic, in order per regime, and is never lost on the way. */
package org.riskbudget.ledger.publishing;
