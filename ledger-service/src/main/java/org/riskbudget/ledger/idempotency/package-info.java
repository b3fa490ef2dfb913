/** Idempotency keys: a retried command returns its first answer and changes nothing. */
package org.riskbudget.ledger.idempotency;
