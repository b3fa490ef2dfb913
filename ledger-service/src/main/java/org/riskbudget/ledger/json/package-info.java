/** JSON for the HTTP API: the same strict configuration as every other reader of the public language. */
package org.riskbudget.ledger.json;
