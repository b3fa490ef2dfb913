package org.riskbudget.contracts.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.riskbudget.contracts.event.SafetyCaseAcceptedEvent;
import org.riskbudget.contracts.event.SafetyCaseExpiredEvent;
import org.riskbudget.contracts.event.SafetyCaseRejectedEvent;
import org.riskbudget.contracts.event.SafetyCaseRevisedEvent;
import org.riskbudget.contracts.event.SafetyCaseRevokedEvent;
import org.riskbudget.contracts.event.SafetyCaseSubmittedEvent;
import org.riskbudget.contracts.event.SafetyCaseWithdrawnEvent;
import org.riskbudget.contracts.event.SafetyCasesFlaggedEvent;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.contracts.safetycase.EvidenceItem;

/**
 * Safety cases: each event is checked against the case on record and against the risk recomputed from the
 * case's own assessments, then applied. The recomputation is the point of an independent replay: a stated
 * {@code riskPpb} is only believed when the assessments in the log give the same figure.
 */
final class CaseRules extends ReplayRules {

    CaseRules(Books books, Findings findings) {
        super(books, findings);
    }

    void submitted(SafetyCaseSubmittedEvent event) {
        Account account = company(event.companyId(), "companyId");
        Long riskPpb = amount(event.riskPpb(), "riskPpb");
        CaseId caseId = event.caseId();
        if (caseId == null) {
            findings.add(Finding.MALFORMED_EVENT, "caseId is missing");
            return;
        }
        if (books.cases.containsKey(caseId)) {
            findings.add(Finding.DUPLICATE_ID, "case " + caseId.value() + " already exists");
            return;
        }
        if (account == null || riskPpb == null) {
            return;
        }
        String subject = "case " + caseId.value();
        Long recomputedPpb = recomputedRisk(event.assessments(), subject);
        if (recomputedPpb != null && !recomputedPpb.equals(riskPpb)) {
            findings.add(Finding.RISK_MISMATCH, subject + " states " + riskPpb + " ppb but its assessments give "
                    + recomputedPpb + " ppb");
        }
        if (account.isPaused()) {
            findings.add(Finding.COMPANY_PAUSED, subject + " is submitted while " + account.companyId.value()
                    + " has " + account.availablePpb + " ppb available");
        } else if (riskPpb > account.availablePpb) {
            findings.add(Finding.OVERDRAWN, subject + " reserves " + riskPpb + " ppb but "
                    + account.companyId.value() + " has " + account.availablePpb + " ppb available");
        }
        if (event.window() == null) {
            findings.add(Finding.MALFORMED_EVENT, subject + ": window is missing");
        }
        CaseState state = new CaseState(caseId, account.companyId,
                event.window() == null ? null : event.window().to(), event.assessments(), riskPpb);
        linkDependencies(state, event.dependsOn());
        account.availablePpb -= riskPpb;
        account.reservedPpb += riskPpb;
        books.cases.put(caseId, state);
    }

    /** A case may depend only on deployed cases of the same regime; each dependency learns of its dependent. */
    private void linkDependencies(CaseState state, List<CaseId> dependsOn) {
        if (dependsOn == null) {
            findings.add(Finding.MALFORMED_EVENT, "case " + state.caseId.value() + ": dependsOn is missing");
            return;
        }
        for (CaseId dependencyId : dependsOn) {
            CaseState dependency = safetyCase(dependencyId, "dependency");
            if (dependency == null) {
                continue;
            }
            if (!dependency.status.isDeployed()) {
                findings.add(Finding.INVALID_STATE, "case " + state.caseId.value() + " depends on "
                        + dependencyId.value() + ", which is " + dependency.status + ", not deployed");
            }
            dependency.dependents.add(state.caseId);
        }
    }

    void accepted(SafetyCaseAcceptedEvent event) {
        Decision decision = endOfReview(event.caseId(), event.companyId(), event.amountPpb(), "accepted");
        if (decision == null) {
            return;
        }
        if (decision.account.isPaused()) {
            findings.add(Finding.COMPANY_PAUSED, "case " + event.caseId().value() + " is accepted while "
                    + decision.account.companyId.value() + " has " + decision.account.availablePpb + " ppb available");
        }
        decision.account.reservedPpb -= decision.amountPpb;
        decision.account.spentPpb += decision.amountPpb;
        decision.state.reservedPpb -= decision.amountPpb;
        decision.state.chargedPpb += decision.amountPpb;
        decision.state.status = CaseStatus.ACCEPTED;
    }

    void rejected(SafetyCaseRejectedEvent event) {
        returnToAvailable(endOfReview(event.caseId(), event.companyId(), event.amountPpb(), "rejected"),
                CaseStatus.REJECTED);
    }

    void withdrawn(SafetyCaseWithdrawnEvent event) {
        returnToAvailable(endOfReview(event.caseId(), event.companyId(), event.amountPpb(), "withdrawn"),
                CaseStatus.WITHDRAWN);
    }

    private void returnToAvailable(Decision decision, CaseStatus newStatus) {
        if (decision == null) {
            return;
        }
        decision.account.reservedPpb -= decision.amountPpb;
        decision.account.availablePpb += decision.amountPpb;
        decision.state.reservedPpb -= decision.amountPpb;
        decision.state.status = newStatus;
    }

    void revoked(SafetyCaseRevokedEvent event) {
        Decision decision = decision(event.caseId(), event.companyId(), CaseStatus.ACCEPTED, "revoked");
        if (decision != null) {
            decision.state.status = CaseStatus.REVOKED;
        }
    }

    void expired(SafetyCaseExpiredEvent event) {
        Decision decision = decision(event.caseId(), event.companyId(), CaseStatus.ACCEPTED, "expired");
        if (decision == null) {
            return;
        }
        CaseState state = decision.state;
        if (state.windowEnd != null && event.occurredAt() != null && event.occurredAt().isBefore(state.windowEnd)) {
            findings.add(Finding.INVALID_STATE, "case " + state.caseId.value() + " expires at " + event.occurredAt()
                    + ", before its window ends at " + state.windowEnd);
        }
        state.status = CaseStatus.EXPIRED;
    }

    void revised(SafetyCaseRevisedEvent event) {
        Decision decision = decision(event.caseId(), event.companyId(), null, "revised");
        Long statedRiskPpb = amount(event.riskPpb(), "riskPpb");
        Long previousRiskPpb = amount(event.previousRiskPpb(), "previousRiskPpb");
        Long additionalChargePpb = amount(event.additionalChargePpb(), "additionalChargePpb");
        if (decision == null || statedRiskPpb == null || additionalChargePpb == null) {
            return;
        }
        CaseState state = decision.state;
        String subject = "case " + state.caseId.value();
        if (!state.status.isDeployed()) {
            findings.add(Finding.INVALID_STATE, subject + " is " + state.status + "; only a deployed case is revised");
        }
        if (previousRiskPpb != null && previousRiskPpb != state.riskPpb) {
            findings.add(Finding.RISK_MISMATCH, subject + ": previousRiskPpb is " + previousRiskPpb + " ppb but the "
                    + "case's estimate was " + state.riskPpb + " ppb");
        }
        Assessments revised = revisedAssessments(state, event, subject);
        Long recomputedPpb = revised == null ? null : recomputedRisk(revised, subject);
        if (recomputedPpb != null && !recomputedPpb.equals(statedRiskPpb)) {
            findings.add(Finding.RISK_MISMATCH, subject + " is revised to " + statedRiskPpb
                    + " ppb but its revised assessments give " + recomputedPpb + " ppb");
        }
        // Charged never decreases: only the part of the new estimate not yet spent is spent now.
        long newRiskPpb = recomputedPpb != null ? recomputedPpb : statedRiskPpb;
        long dueChargePpb = Math.max(0, newRiskPpb - state.chargedPpb);
        if (additionalChargePpb != dueChargePpb) {
            findings.add(Finding.AMOUNT_MISMATCH, subject + " is charged " + additionalChargePpb + " ppb more but "
                    + "max(0, " + newRiskPpb + " − " + state.chargedPpb + " charged) = " + dueChargePpb + " ppb");
        }
        if (revised != null) {
            state.assessments = revised;
        }
        state.riskPpb = statedRiskPpb;
        state.chargedPpb += additionalChargePpb;
        // A revision is recorded even when the company cannot pay: available may go negative here.
        decision.account.availablePpb -= additionalChargePpb;
        decision.account.spentPpb += additionalChargePpb;
    }

    private Assessments revisedAssessments(CaseState state, SafetyCaseRevisedEvent event, String subject) {
        if (state.assessments == null) {
            return null;
        }
        List<EvidenceItem> evidence = event.evidence();
        if (evidence == null) {
            findings.add(Finding.MALFORMED_EVENT, subject + ": the revision's evidence is missing");
            evidence = List.of();
        }
        try {
            return state.assessments.revisedWith(event.replacedAssessments(), evidence);
        } catch (IllegalStateException noMisalignment) {
            findings.add(Finding.INVALID_STATE, subject + ": " + noMisalignment.getMessage());
        } catch (RuntimeException unusable) {
            findings.add(Finding.MALFORMED_EVENT, subject + ": the revised assessments cannot be formed: "
                    + unusable.getMessage());
        }
        return null;
    }

    void flagged(SafetyCasesFlaggedEvent event) {
        CaseState source = safetyCase(event.sourceCaseId(), "sourceCaseId");
        if (event.flag() == null || event.caseIds() == null) {
            findings.add(Finding.MALFORMED_EVENT, "flag or caseIds is missing");
            return;
        }
        Set<CaseId> dependents = source == null ? Set.of() : transitiveDependents(source);
        for (CaseId caseId : event.caseIds()) {
            CaseState flagged = safetyCase(caseId, "flagged case");
            if (flagged == null) {
                continue;
            }
            if (source != null && !dependents.contains(caseId)) {
                findings.add(Finding.INVALID_STATE, "case " + caseId.value() + " is flagged but does not depend on "
                        + source.caseId.value());
            }
            flagged.flags.add(event.flag());
        }
    }

    private Set<CaseId> transitiveDependents(CaseState source) {
        Set<CaseId> seen = new HashSet<>();
        Deque<CaseId> toVisit = new ArrayDeque<>(source.dependents);
        while (!toVisit.isEmpty()) {
            CaseId next = toVisit.removeFirst();
            CaseState dependent = books.cases.get(next);
            if (seen.add(next) && dependent != null) {
                toVisit.addAll(dependent.dependents);
            }
        }
        return seen;
    }

    /**
     * A decision that ends a review (acceptance, rejection, withdrawal): the case must be SUBMITTED, and the
     * amount moved must be what the case holds in reserve.
     */
    private Decision endOfReview(CaseId caseId, CompanyId companyId, Ppb amount, String verb) {
        Decision decision = decision(caseId, companyId, CaseStatus.SUBMITTED, verb);
        Long amountPpb = amount(amount, "amountPpb");
        if (decision == null || amountPpb == null) {
            return null;
        }
        if (amountPpb != decision.state.reservedPpb) {
            findings.add(Finding.AMOUNT_MISMATCH, "case " + caseId.value() + " is " + verb + " with " + amountPpb
                    + " ppb but it holds " + decision.state.reservedPpb + " ppb");
        }
        return new Decision(decision.state, decision.account, amountPpb);
    }

    /**
     * The case and company a decision is about, checked: it names the case's own company, and the case is in the
     * state the decision needs ({@code required}, or any when null).
     */
    private Decision decision(CaseId caseId, CompanyId companyId, CaseStatus required, String verb) {
        CaseState state = safetyCase(caseId, "caseId");
        Account account = company(companyId, "companyId");
        if (state == null || account == null) {
            return null;
        }
        String subject = "case " + caseId.value();
        checkParty("companyId", companyId, state.companyId, subject);
        if (required != null && state.status != required) {
            findings.add(Finding.INVALID_STATE, subject + " is " + verb + " but it is " + state.status + ", not "
                    + required);
        }
        return new Decision(state, account, 0);
    }

    /** The risk the assessments give, or null (reported) when there are none or they cannot be evaluated. */
    private Long recomputedRisk(Assessments assessments, String subject) {
        if (assessments == null) {
            findings.add(Finding.MALFORMED_EVENT, subject + ": assessments are missing");
            return null;
        }
        try {
            return assessments.riskBreakdown().totalPpb().value();
        } catch (RuntimeException unusable) {
            findings.add(Finding.MALFORMED_EVENT, subject + ": its risk cannot be computed: " + unusable.getMessage());
            return null;
        }
    }

    /** A checked decision; {@code amountPpb} is what it moves, zero for those that move nothing. */
    private record Decision(CaseState state, Account account, long amountPpb) {}
}
