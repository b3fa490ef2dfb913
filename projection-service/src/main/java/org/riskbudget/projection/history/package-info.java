/**
 * The past: the regime's burn-down series (its totals after every event) and each company's statement (its
 * balances after every movement), both tied to the audit chain by sequence and hash.
 */
package org.riskbudget.projection.history;
