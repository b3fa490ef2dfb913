/** The read side's answers: regime budgets, company accounts and statements, safety cases, burn-down points, pages. */
package org.riskbudget.contracts.view;
