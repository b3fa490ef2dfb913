/** The command API over HTTP: request bodies become commands, refusals become problem+json. */
package org.riskbudget.ledger.http;
