package org.riskbudget.bench.workload;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.risk.LikelihoodRatio;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.risk.Probability;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.DeploymentWindow;
import org.riskbudget.contracts.safetycase.EvidenceItem;
import org.riskbudget.contracts.safetycase.EvidenceKind;
import org.riskbudget.contracts.safetycase.MisalignmentAssessment;
import org.riskbudget.contracts.safetycase.MisuseAssessment;

/**
 * The movement mix, by command number: of every ten, five allocations (pool to a company), four transfers (company
 * to company) and one safety-case submission (a company's available budget reserved for the case). Amounts are
 * tiny against the balances, so no command is refused for lack of budget however long a run lasts.
 */
public final class Mix {

    public enum Kind { ALLOCATION, TRANSFER, SUBMISSION }

    /** The regime's cap: probability one, the most a cap may be. */
    public static final long CAP_PPB = Ppb.ONE;
    public static final int COMPANIES = 8;
    /** What each company is allocated before the run: far more than it can send or reserve in any run. */
    public static final long INITIAL_ALLOCATION_PPB = 10_000_000;
    public static final CapabilityTier TIER = CapabilityTier.BELOW_3X;
    public static final AiSystem SYSTEM = new AiSystem("bench-model", "1");
    /** Cases are not reviewed in the benchmarks; the window only has to be valid. */
    public static final DeploymentWindow WINDOW = new DeploymentWindow(Instant.parse("2030-01-01T00:00:00Z"),
            Instant.parse("2030-01-01T00:00:00Z").plus(180, ChronoUnit.DAYS));
    /**
     * A small but real assessment, so the ledger does the odds update it does for any case: a scheming prior of
     * 1e-8 updated by one piece of evidence, plus a misuse component: 8 ppb in all.
     */
    public static final Assessments ASSESSMENTS = new Assessments(null,
            new MisalignmentAssessment(Probability.of("0.00000001"), List.of(new EvidenceItem(EvidenceKind.BEHAVIOURAL,
                    "benchmark evaluation suite", LikelihoodRatio.of("2"))), null),
            new MisuseAssessment(Ppb.of(3)));

    private Mix() {}

    public static Kind kindOf(long number) {
        int slot = (int) Math.floorMod(number, 10L);
        return slot < 5 ? Kind.ALLOCATION : slot < 9 ? Kind.TRANSFER : Kind.SUBMISSION;
    }

    /** 1 to 100 ppb. */
    public static long amountPpb(long number) {
        return 1 + Math.floorMod(number * 7919, 100L);
    }

    public static CompanyId company(int index) {
        return CompanyId.of("company-" + Math.floorMod(index, COMPANIES));
    }

    /** The company a transfer from {@code from} goes to: any other, in turn. */
    public static int recipient(int from, long number) {
        return Math.floorMod(from + 1 + (int) Math.floorMod(number, (long) COMPANIES - 1), COMPANIES);
    }
}
