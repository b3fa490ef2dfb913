package org.riskbudget.contracts.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;

/** What the replay remembers of a case: enough to check every later event about it. */
final class CaseState {

    final CaseId caseId;
    final CompanyId companyId;
    /** Null when the submission stated no window; the expiry check is then skipped, the submission reported. */
    final Instant windowEnd;
    /** The assessments as revised so far; a revision's risk is recomputed from these. Null if never known. */
    Assessments assessments;
    CaseStatus status = CaseStatus.SUBMITTED;
    long riskPpb;
    long chargedPpb;
    long reservedPpb;
    final List<CaseId> dependents = new ArrayList<>();
    final Set<CaseFlag> flags = EnumSet.noneOf(CaseFlag.class);

    CaseState(CaseId caseId, CompanyId companyId, Instant windowEnd, Assessments assessments, long riskPpb) {
        this.caseId = caseId;
        this.companyId = companyId;
        this.windowEnd = windowEnd;
        this.assessments = assessments;
        this.riskPpb = riskPpb;
        this.reservedPpb = riskPpb;
    }
}
