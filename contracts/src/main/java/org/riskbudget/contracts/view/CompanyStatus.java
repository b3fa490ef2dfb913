package org.riskbudget.contracts.view;

/** PAUSE_REQUIRED while the company's available balance is negative. */
public enum CompanyStatus {
    ACTIVE,
    PAUSE_REQUIRED
}
