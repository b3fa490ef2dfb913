/** Typed identifiers: a regime, company, case or transfer id can never be passed where another is meant. */
package org.riskbudget.contracts.ids;
