package org.riskbudget.projection.apply;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;

/** A safety case in the read model; changed only by {@link Projector}. */
final class CaseRow extends ReadModelRow {

    final String regimeId;
    final String caseId;
    final String companyId;
    final String systemName;
    final String systemVersion;
    final CapabilityTier capabilityTier;
    final Instant windowFrom;
    final Instant windowTo;
    final List<String> dependsOn;
    final Instant submittedAt;
    final SortedSet<CaseFlag> flags;
    CaseStatus status;
    /** The current estimate. */
    long riskPpb;
    /** What the case has spent; never decreases. */
    long chargedPpb;
    /** What it holds in its company's reserved account while under review. */
    long reservedPpb;
    Instant updatedAt;

    CaseRow(String regimeId, String caseId, String companyId, String systemName, String systemVersion,
            CapabilityTier capabilityTier, Instant windowFrom, Instant windowTo, List<String> dependsOn,
            Instant submittedAt, SortedSet<CaseFlag> flags) {
        this.regimeId = regimeId;
        this.caseId = caseId;
        this.companyId = companyId;
        this.systemName = systemName;
        this.systemVersion = systemVersion;
        this.capabilityTier = capabilityTier;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.dependsOn = List.copyOf(dependsOn);
        this.submittedAt = submittedAt;
        this.flags = flags;
        this.updatedAt = submittedAt;
    }
}
