/**
 * What every read endpoint shares: strict query parameters, the page cursor, problem+json answers with the
 * ledger's stable codes, and the public language's JSON.
 */
package org.riskbudget.projection.http;
