/**
 * What every read endpoint shares: strict query parameters, the page cursor, problem+json answers with the
 * ledger's stable codes, the public language's JSON, and the OpenAPI document that lists each endpoint's refusals.
 */
package org.riskbudget.projection.http;
