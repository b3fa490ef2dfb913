/** Expiry: accepted cases expire when their deployment window ends, as a scheduled deadline of the ledger. */
package org.riskbudget.ledger.expiry;
