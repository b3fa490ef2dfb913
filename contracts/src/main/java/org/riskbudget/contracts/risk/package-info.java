/**
 * Exact risk arithmetic with no framework in it: amounts in ppb, probabilities and likelihood ratios as exact
 * decimals, odds-form updates rounded up.
 */
package org.riskbudget.contracts.risk;
