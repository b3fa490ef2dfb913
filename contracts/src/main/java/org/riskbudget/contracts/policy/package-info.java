/** A regime's policy: the rules safety cases and transfers are checked against. */
package org.riskbudget.contracts.policy;
