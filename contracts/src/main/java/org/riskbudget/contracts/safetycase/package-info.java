/** What a safety case states: the system, its tier and window, its threat-model assessments and their risk. */
package org.riskbudget.contracts.safetycase;
