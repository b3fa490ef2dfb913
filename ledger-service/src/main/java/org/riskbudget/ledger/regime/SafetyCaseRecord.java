package org.riskbudget.ledger.regime;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;

/** What the regime must remember of a safety case to decide later commands about it. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class SafetyCaseRecord {

    private CaseId caseId;
    private CompanyId companyId;
    private CapabilityTier capabilityTier;
    private Instant windowEnd;
    private Assessments assessments;
    private CaseStatus status;
    /** The current estimate. */
    private Ppb riskPpb;
    /** What the case has spent; never decreases. */
    private Ppb chargedPpb = Ppb.ZERO;
    /** What it holds in its company's reserved account while under review. */
    private Ppb reservedPpb = Ppb.ZERO;
    private List<CaseId> dependents = new ArrayList<>();
    private Set<CaseFlag> flags = EnumSet.noneOf(CaseFlag.class);

    SafetyCaseRecord() {}

    SafetyCaseRecord(CaseId caseId, CompanyId companyId, CapabilityTier capabilityTier, Instant windowEnd,
            Assessments assessments, Ppb riskPpb) {
        this.caseId = caseId;
        this.companyId = companyId;
        this.capabilityTier = capabilityTier;
        this.windowEnd = windowEnd;
        this.assessments = assessments;
        this.status = CaseStatus.SUBMITTED;
        this.riskPpb = riskPpb;
        this.reservedPpb = riskPpb;
    }

    CaseId caseId() {
        return caseId;
    }

    CompanyId companyId() {
        return companyId;
    }

    CapabilityTier capabilityTier() {
        return capabilityTier;
    }

    Instant windowEnd() {
        return windowEnd;
    }

    Assessments assessments() {
        return assessments;
    }

    CaseStatus status() {
        return status;
    }

    Ppb riskPpb() {
        return riskPpb;
    }

    Ppb chargedPpb() {
        return chargedPpb;
    }

    Ppb reservedPpb() {
        return reservedPpb;
    }

    List<CaseId> dependents() {
        return dependents;
    }

    Set<CaseFlag> flags() {
        return flags;
    }

    void addDependent(CaseId dependent) {
        dependents.add(dependent);
    }

    void accept() {
        status = CaseStatus.ACCEPTED;
        chargedPpb = chargedPpb.plus(reservedPpb);
        reservedPpb = Ppb.ZERO;
    }

    void release(CaseStatus newStatus) {
        status = newStatus;
        reservedPpb = Ppb.ZERO;
    }

    void changeStatus(CaseStatus newStatus) {
        status = newStatus;
    }

    void revise(Assessments revised, Ppb newRiskPpb, Ppb additionalChargePpb) {
        assessments = revised;
        riskPpb = newRiskPpb;
        chargedPpb = chargedPpb.plus(additionalChargePpb);
    }

    void flag(CaseFlag flag) {
        flags.add(flag);
    }
}
