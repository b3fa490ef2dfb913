package org.riskbudget.ledger.regime;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;

/**
 * What the regime must remember of a safety case to decide later commands about it. A regime may hold a great
 * many cases, so each is kept small, in memory and in a snapshot: plain text and numbers rather than value objects,
 * one array rather than an object with named fields, and the assessments as their JSON text, read back only for
 * the few commands that need them (acceptance and revision).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"caseId", "companyId", "capabilityTier", "windowEnd", "status", "riskPpb", "chargedPpb",
        "reservedPpb", "dependents", "flags", "assessments"})
final class SafetyCaseRecord {

    private String caseId;
    private String companyId;
    private CapabilityTier capabilityTier;
    private Instant windowEnd;
    /** The assessments' JSON in the public language. */
    private String assessments;
    private CaseStatus status;
    /** The current estimate. */
    private long riskPpb;
    /** What the case has spent; never decreases. */
    private long chargedPpb;
    /** What it holds in its company's reserved account while under review. */
    private long reservedPpb;
    private List<String> dependents = new ArrayList<>();
    private Set<CaseFlag> flags = EnumSet.noneOf(CaseFlag.class);

    SafetyCaseRecord() {}

    SafetyCaseRecord(CaseId caseId, CompanyId companyId, CapabilityTier capabilityTier, Instant windowEnd,
            Assessments assessments, Ppb riskPpb) {
        this.caseId = caseId.value();
        this.companyId = companyId.value();
        this.capabilityTier = capabilityTier;
        this.windowEnd = windowEnd;
        this.assessments = json(assessments);
        this.status = CaseStatus.SUBMITTED;
        this.riskPpb = riskPpb.value();
        this.reservedPpb = riskPpb.value();
    }

    CaseId caseId() {
        return CaseId.of(caseId);
    }

    CompanyId companyId() {
        return CompanyId.of(companyId);
    }

    CapabilityTier capabilityTier() {
        return capabilityTier;
    }

    Instant windowEnd() {
        return windowEnd;
    }

    Assessments assessments() {
        return LedgerJson.mapper().readValue(assessments, Assessments.class);
    }

    CaseStatus status() {
        return status;
    }

    Ppb riskPpb() {
        return Ppb.of(riskPpb);
    }

    Ppb chargedPpb() {
        return Ppb.of(chargedPpb);
    }

    Ppb reservedPpb() {
        return Ppb.of(reservedPpb);
    }

    List<CaseId> dependents() {
        return dependents.stream().map(CaseId::of).toList();
    }

    Set<CaseFlag> flags() {
        return Collections.unmodifiableSet(flags);
    }

    void addDependent(CaseId dependent) {
        dependents.add(dependent.value());
    }

    void accept() {
        status = CaseStatus.ACCEPTED;
        chargedPpb = chargedPpb().plus(reservedPpb()).value();
        reservedPpb = 0;
    }

    void release(CaseStatus newStatus) {
        status = newStatus;
        reservedPpb = 0;
    }

    void changeStatus(CaseStatus newStatus) {
        status = newStatus;
    }

    void revise(Assessments revised, Ppb newRiskPpb, Ppb additionalChargePpb) {
        assessments = json(revised);
        riskPpb = newRiskPpb.value();
        chargedPpb = chargedPpb().plus(additionalChargePpb).value();
    }

    void flag(CaseFlag flag) {
        flags.add(flag);
    }

    private static String json(Assessments assessments) {
        return LedgerJson.mapper().writeValueAsString(assessments);
    }
}
