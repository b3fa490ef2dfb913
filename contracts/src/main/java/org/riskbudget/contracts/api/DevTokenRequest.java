package org.riskbudget.contracts.api;

import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.ids.CompanyId;

/** Body of {@code POST /dev/tokens}, standalone mode only: the role wanted and, for COMPANY, the company. */
public record DevTokenRequest(Role role, CompanyId companyId) {}
