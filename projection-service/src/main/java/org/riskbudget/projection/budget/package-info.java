/** Regime budgets: cap, pool, reserved, spent and what remains, now or as of a past instant. */
package org.riskbudget.projection.budget;
