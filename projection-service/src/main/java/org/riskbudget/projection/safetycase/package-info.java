/** Safety cases as they stand: status, current estimate, what they charged, their flags and dependencies. */
package org.riskbudget.projection.safetycase;
