package org.riskbudget.ledger.regime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.audit.RegimeBooks;
import org.riskbudget.contracts.command.AllocateBudgetCommand;
import org.riskbudget.contracts.command.ApproveTransferCommand;
import org.riskbudget.contracts.command.CaseDecision;
import org.riskbudget.contracts.command.ChangeRegimePolicyCommand;
import org.riskbudget.contracts.command.DecideSafetyCaseCommand;
import org.riskbudget.contracts.command.ExpireSafetyCaseCommand;
import org.riskbudget.contracts.command.LedgerCommand;
import org.riskbudget.contracts.command.OpenRegimeCommand;
import org.riskbudget.contracts.command.ReclaimBudgetCommand;
import org.riskbudget.contracts.command.RegisterCompanyCommand;
import org.riskbudget.contracts.command.RejectTransferCommand;
import org.riskbudget.contracts.command.ReviseSafetyCaseCommand;
import org.riskbudget.contracts.command.SubmitSafetyCaseCommand;
import org.riskbudget.contracts.command.TransferBudgetCommand;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.policy.RegimePolicy;
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
import org.riskbudget.contracts.safetycase.SecurityAssessment;
import org.riskbudget.contracts.safetycase.SecurityLevel;
import org.riskbudget.contracts.safetycase.ThreatModel;

/**
 * Random histories of commands against one regime, valid and invalid alike. A step holds only random choices
 * (which company, which kind of amount, who acts); it becomes a command when it runs, against the books so far,
 * so that "exactly what is available" means exactly that, and jqwik can shrink a failing history step by step.
 * <p>
 * Ids come from small sets so that duplicates, dependencies and decisions on earlier cases happen often. Every
 * command built here passes its constructor's checks: what those refuse is a 400 at the edge, never the regime's
 * business.
 */
final class RandomCommands {

    static final RegimeId REGIME = RegimeId.of("r");
    /** A regime that is never opened: its commands find no aggregate. */
    static final RegimeId NOWHERE = RegimeId.of("nowhere");
    /** c1 to c3 are registered at the start, c4 only if a step registers it, ghost never. */
    static final List<CompanyId> COMPANIES = List.of(CompanyId.of("c1"), CompanyId.of("c2"), CompanyId.of("c3"),
            CompanyId.of("c4"), CompanyId.of("ghost"));
    static final List<CaseId> CASES = List.of(CaseId.of("k0"), CaseId.of("k1"), CaseId.of("k2"), CaseId.of("k3"),
            CaseId.of("k4"), CaseId.of("k5"), CaseId.of("k6"), CaseId.of("k7"));
    static final List<TransferId> TRANSFERS = List.of(TransferId.of("t0"), TransferId.of("t1"), TransferId.of("t2"),
            TransferId.of("t3"));
    static final Actor REGULATOR = new Actor(Role.REGULATOR, "regulator", null);
    static final Actor AUDITOR = new Actor(Role.AUDITOR, "auditor", null);
    private static final Instant WINDOW_START = Instant.parse("2027-01-01T00:00:00Z");
    /** Before {@link InMemoryRegimes#NOW}: a case with this window may expire. */
    private static final Instant ENDED = Instant.parse("2027-03-01T00:00:00Z");
    private static final Instant ENDS_LATER = Instant.parse("2028-01-01T00:00:00Z");
    private static final int MAX_STEPS = 60;

    private RandomCommands() {}

    // ---------------------------------------------------------------- what a step knows and who acts

    /** What a step may read when it becomes a command: the regime it targets and the books replayed so far. */
    record Context(RegimeId regimeId, RegimeBooks books) {

        long availablePpb(CompanyId companyId) {
            return books.company(companyId).map(company -> company.availablePpb().value()).orElse(0L);
        }

        /** The case's company, or c1 for a case that does not exist (any company will then do). */
        CompanyId owner(CaseId caseId) {
            return books.safetyCase(caseId).map(RegimeBooks.SafetyCase::companyId).orElse(COMPANIES.get(0));
        }
    }

    /** Who sends a command: mostly whoever may, sometimes a wrong role or the wrong company. */
    enum Who {
        RIGHTFUL,
        REGULATOR,
        /** A regulator employed by the company concerned: may not decide its cases. */
        REVIEWER_FROM_THE_COMPANY,
        AUDITOR,
        THE_COMPANY,
        ANOTHER_COMPANY,
        VIEWER,
        SYSTEM;

        Actor actor(Actor rightful, CompanyId concerned) {
            CompanyId other = COMPANIES.get((COMPANIES.indexOf(concerned) + 1) % 3);
            return switch (this) {
                case RIGHTFUL -> rightful;
                case REGULATOR -> RandomCommands.REGULATOR;
                case REVIEWER_FROM_THE_COMPANY -> new Actor(Role.REGULATOR, "reviewer", concerned);
                case AUDITOR -> RandomCommands.AUDITOR;
                case THE_COMPANY -> officerOf(concerned);
                case ANOTHER_COMPANY -> officerOf(other);
                case VIEWER -> new Actor(Role.VIEWER, "viewer", null);
                case SYSTEM -> Actor.SYSTEM;
            };
        }
    }

    /**
     * How a step picks an id from a small set: one the books already hold (a decision on an existing case), one
     * they do not hold yet (a new case), or any (which may be either, or a duplicate). Resolved when the step
     * runs, so that most decisions are about cases that exist while the id sets stay small.
     */
    enum Pick {
        KNOWN,
        NEW,
        ANY
    }

    /**
     * The id at {@code index} if it fits the pick, else the next one that does (cyclically), else the id at
     * {@code index}. Starting from a fixed id keeps a step's choice stable when shrinking removes other steps.
     */
    record Choice(Pick pick, int index) {

        <I> I of(List<I> ids, List<I> known) {
            for (int offset = 0; pick != Pick.ANY && offset < ids.size(); offset++) {
                I candidate = ids.get((index + offset) % ids.size());
                if (known.contains(candidate) == (pick == Pick.KNOWN)) {
                    return candidate;
                }
            }
            return ids.get(index % ids.size());
        }

        CaseId caseIn(RegimeBooks books) {
            return of(CASES, books.cases().stream().map(RegimeBooks.SafetyCase::caseId).toList());
        }

        TransferId transferIn(RegimeBooks books) {
            return of(TRANSFERS, books.transfers().stream().map(RegimeBooks.Transfer::transferId).toList());
        }

        @Override
        public String toString() {
            return pick + "#" + index;
        }
    }

    static Actor officerOf(CompanyId companyId) {
        return new Actor(Role.COMPANY, companyId.value() + "-officer", companyId);
    }

    /** Amounts around the interesting edges: one ppb, exactly what is there, one more, probability one. */
    enum AmountKind {
        ONE,
        SMALL,
        THIRD,
        HALF,
        EXACT,
        JUST_ABOVE,
        HUGE,
        ANY
    }

    record Amount(AmountKind kind, long anyPpb) {

        /** The amount, given what its source holds; always a valid command amount (1 to probability one). */
        Ppb of(long sourcePpb) {
            long value = switch (kind) {
                case ONE -> 1;
                case SMALL -> 1 + anyPpb % 1_000;
                case THIRD -> sourcePpb / 3;
                case HALF -> sourcePpb / 2;
                case EXACT -> sourcePpb;
                case JUST_ABOVE -> sourcePpb + 1;
                case HUGE -> Ppb.ONE;
                case ANY -> anyPpb;
            };
            return Ppb.of(Math.max(1, Math.min(Ppb.ONE, value)));
        }

        @Override
        public String toString() {
            return kind == AmountKind.ANY || kind == AmountKind.SMALL ? kind + "(" + anyPpb + ")" : kind.toString();
        }
    }

    // ---------------------------------------------------------------- steps, one per command type

    sealed interface Step permits OpenRegime, ChangePolicy, Register, Allocate, Reclaim, Transfer, Approve, Reject,
            Submit, Decide, Revise, Expire, Elsewhere {

        LedgerCommand command(Context context);
    }

    record OpenRegime(Ppb capPpb, RegimePolicy policy, Who who) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            return new OpenRegimeCommand(context.regimeId(), "regime", capPpb, policy,
                    who.actor(REGULATOR, COMPANIES.get(0)));
        }

        @Override
        public String toString() {
            return "OpenRegime(" + capPpb.value() + ", " + brief(policy) + ", " + who + ")";
        }
    }

    record ChangePolicy(RegimePolicy policy, Who who) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            return new ChangeRegimePolicyCommand(context.regimeId(), policy, who.actor(REGULATOR, COMPANIES.get(0)));
        }

        @Override
        public String toString() {
            return "ChangePolicy(" + brief(policy) + ", " + who + ")";
        }
    }

    record Register(int company, Who who) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            CompanyId companyId = COMPANIES.get(company);
            return new RegisterCompanyCommand(context.regimeId(), companyId, companyId.value() + " Inc.",
                    who.actor(REGULATOR, companyId));
        }
    }

    record Allocate(int company, Amount amount, Who who) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            CompanyId companyId = COMPANIES.get(company);
            return new AllocateBudgetCommand(context.regimeId(), companyId,
                    amount.of(context.books().poolPpb().value()), who.actor(REGULATOR, companyId));
        }
    }

    record Reclaim(int company, Amount amount, Who who) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            CompanyId companyId = COMPANIES.get(company);
            return new ReclaimBudgetCommand(context.regimeId(), companyId,
                    amount.of(context.availablePpb(companyId)), "unused", who.actor(REGULATOR, companyId));
        }
    }

    record Transfer(Choice transfer, int from, int to, Amount amount, Who who) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            CompanyId sender = COMPANIES.get(from);
            CompanyId receiver = COMPANIES.get(to == from ? (to + 1) % COMPANIES.size() : to);
            return new TransferBudgetCommand(context.regimeId(), transfer.transferIn(context.books()), sender, receiver,
                    amount.of(context.availablePpb(sender)), "trade", who.actor(officerOf(sender), sender));
        }
    }

    record Approve(Choice transfer, Who who) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            return new ApproveTransferCommand(context.regimeId(), transfer.transferIn(context.books()), "fine",
                    who.actor(REGULATOR, COMPANIES.get(0)));
        }
    }

    record Reject(Choice transfer, Who who) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            return new RejectTransferCommand(context.regimeId(), transfer.transferIn(context.books()), "no",
                    who.actor(REGULATOR, COMPANIES.get(0)));
        }
    }

    record Submit(Choice safetyCase, int company, Assessments assessments, CapabilityTier tier, boolean windowEnded,
            List<Choice> dependsOn, Who who) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            CaseId caseId = safetyCase.caseIn(context.books());
            CompanyId companyId = COMPANIES.get(company);
            List<CaseId> dependencies = dependsOn.stream().map(choice -> choice.caseIn(context.books())).distinct()
                    .filter(dependency -> !dependency.equals(caseId)).toList();
            return new SubmitSafetyCaseCommand(context.regimeId(), caseId, companyId, new AiSystem("system", "1"),
                    tier, new DeploymentWindow(WINDOW_START, windowEnded ? ENDED : ENDS_LATER), assessments,
                    dependencies, who.actor(officerOf(companyId), companyId));
        }

        @Override
        public String toString() {
            return "Submit(" + safetyCase + " of " + COMPANIES.get(company).value() + ", " + tier + ", "
                    + brief(assessments) + ", window " + (windowEnded ? "ended" : "open") + ", dependsOn " + dependsOn
                    + ", " + who + ")";
        }
    }

    record Decide(Choice safetyCase, CaseDecision decision, Who who) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            CaseId caseId = safetyCase.caseIn(context.books());
            CompanyId owner = context.owner(caseId);
            Actor rightful = decision == CaseDecision.WITHDRAW ? officerOf(owner) : REGULATOR;
            return new DecideSafetyCaseCommand(context.regimeId(), caseId, decision, "reasons",
                    who.actor(rightful, owner));
        }
    }

    record Revise(Choice safetyCase, List<EvidenceItem> evidence, Assessments replaced, Who who) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            CaseId caseId = safetyCase.caseIn(context.books());
            // A revision must bring something; an empty one is a 400 at the edge.
            List<EvidenceItem> brought = evidence.isEmpty() && replaced == null ? List.of(SMOKING_GUN) : evidence;
            return new ReviseSafetyCaseCommand(context.regimeId(), caseId, "new evidence", brought, replaced,
                    who.actor(AUDITOR, context.owner(caseId)));
        }

        @Override
        public String toString() {
            return "Revise(" + safetyCase + ", evidence " + brief(evidence) + ", replaced "
                    + (replaced == null ? "none" : brief(replaced)) + ", " + who + ")";
        }
    }

    record Expire(Choice safetyCase, Who who) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            CaseId caseId = safetyCase.caseIn(context.books());
            return new ExpireSafetyCaseCommand(context.regimeId(), caseId, who.actor(Actor.SYSTEM, context.owner(caseId)));
        }
    }

    /** Any step, sent to a regime that was never opened. */
    record Elsewhere(Step step) implements Step {

        @Override
        public LedgerCommand command(Context context) {
            return step.command(new Context(NOWHERE, context.books()));
        }
    }

    static final EvidenceItem SMOKING_GUN =
            new EvidenceItem(EvidenceKind.INCIDENT, "caught inserting a backdoor", LikelihoodRatio.of("0.2"));

    // ---------------------------------------------------------------- generators

    /**
     * A history: the regime opened, c1 to c3 registered and funded, then up to {@value #MAX_STEPS} random steps.
     * The opening steps are random too (cap, policy, amounts, even who acts), and shrink like the rest.
     */
    static Arbitrary<List<Step>> histories() {
        Arbitrary<Amount> funding = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(new Amount(AmountKind.THIRD, 1))), Tuple.of(2, amounts()));
        Arbitrary<List<Step>> opening = Combinators.combine(openings(), funding, funding, funding)
                .as((open, a1, a2, a3) -> List.<Step>of(open,
                        new Register(0, Who.RIGHTFUL), new Register(1, Who.RIGHTFUL), new Register(2, Who.RIGHTFUL),
                        new Allocate(0, a1, Who.RIGHTFUL), new Allocate(1, a2, Who.RIGHTFUL),
                        new Allocate(2, a3, Who.RIGHTFUL)));
        // Without edge cases: jqwik would mix in the first alternatives' edge cases so often that they crowd out
        // the rest (a quarter of all steps were openings). The amounts' edges are explicit choices anyway.
        Arbitrary<List<Step>> body = steps().withoutEdgeCases().list().ofMaxSize(MAX_STEPS)
                .withSizeDistribution(RandomDistribution.uniform());
        return Combinators.combine(opening, body).as((start, rest) -> {
            List<Step> history = new ArrayList<>(start);
            history.addAll(rest);
            return List.copyOf(history);
        });
    }

    private static Arbitrary<Step> openings() {
        Arbitrary<Ppb> caps = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Ppb.of(2_500_000))),
                Tuple.of(1, Arbitraries.just(Ppb.of(1))),
                Tuple.of(1, Arbitraries.just(Ppb.of(Ppb.ONE))),
                Tuple.of(2, Arbitraries.longs().between(1, Ppb.ONE).map(Ppb::of)));
        Arbitrary<Who> mostlyRightful = Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.just(Who.RIGHTFUL)),
                Tuple.of(1, whoever()));
        return Combinators.combine(caps, policies(), mostlyRightful).as(OpenRegime::new);
    }

    private static Arbitrary<Step> steps() {
        Arbitrary<Step> open = Combinators.combine(caps(), policies(), who()).as(OpenRegime::new);
        Arbitrary<Step> changePolicy = Combinators.combine(policies(), who()).as(ChangePolicy::new);
        Arbitrary<Step> register = Combinators.combine(Arbitraries.integers().between(0, 3), who()).as(Register::new);
        Arbitrary<Step> allocate = Combinators.combine(companies(), amounts(), who()).as(Allocate::new);
        Arbitrary<Step> reclaim = Combinators.combine(companies(), amounts(), who()).as(Reclaim::new);
        Arbitrary<Step> transfer = Combinators.combine(choices(Pick.NEW), companies(), companies(), amounts(), who())
                .as(Transfer::new);
        Arbitrary<Step> approve = Combinators.combine(choices(Pick.KNOWN), who()).as(Approve::new);
        Arbitrary<Step> reject = Combinators.combine(choices(Pick.KNOWN), who()).as(Reject::new);
        Arbitrary<Step> submit = Combinators.combine(choices(Pick.NEW), companies(), assessments(),
                        tiers(), Arbitraries.of(true, false), dependencies(), who())
                .as(Submit::new);
        Arbitrary<CaseDecision> decisions = Arbitraries.frequency(Tuple.of(4, CaseDecision.ACCEPT),
                Tuple.of(1, CaseDecision.REJECT), Tuple.of(1, CaseDecision.WITHDRAW), Tuple.of(1, CaseDecision.REVOKE));
        Arbitrary<Step> decide = Combinators.combine(choices(Pick.KNOWN), decisions, who())
                .as(Decide::new);
        Arbitrary<Step> revise = Combinators.combine(choices(Pick.KNOWN), evidenceLists(), assessments().injectNull(0.7),
                        who())
                .as(Revise::new);
        Arbitrary<Step> expire = Combinators.combine(choices(Pick.KNOWN), who()).as(Expire::new);
        Arbitrary<Step> afterOpening = Arbitraries.frequencyOf(
                Tuple.of(1, changePolicy), Tuple.of(1, register), Tuple.of(3, allocate), Tuple.of(2, reclaim),
                Tuple.of(3, transfer), Tuple.of(2, approve), Tuple.of(1, reject), Tuple.of(6, submit),
                Tuple.of(6, decide), Tuple.of(3, revise), Tuple.of(1, expire));
        // Opening again must fail; opening elsewhere would succeed, so Elsewhere never opens.
        return Arbitraries.frequencyOf(Tuple.of(1, open), Tuple.of(40, afterOpening),
                Tuple.of(1, afterOpening.<Step>map(Elsewhere::new)));
    }

    /** Mostly the lower tiers, which the default policy lets through at any security level. */
    private static Arbitrary<CapabilityTier> tiers() {
        return Arbitraries.frequency(Tuple.of(3, CapabilityTier.BELOW_3X), Tuple.of(3, CapabilityTier.AI_3X),
                Tuple.of(1, CapabilityTier.AI_10X), Tuple.of(1, CapabilityTier.TEDAI));
    }

    private static Arbitrary<Ppb> caps() {
        return Arbitraries.of(Ppb.of(1), Ppb.of(2_500_000), Ppb.of(Ppb.ONE));
    }

    /** Mostly the three funded companies; now and then c4 (registered only if a step did) or the ghost. */
    private static Arbitrary<Integer> companies() {
        return Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.of(0, 1, 2)), Tuple.of(1, Arbitraries.of(3, 4)));
    }

    /** Mostly none, so that most submissions get as far as the budget; otherwise one or two of the few case ids. */
    private static Arbitrary<List<Choice>> dependencies() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(List.<Choice>of())),
                Tuple.of(1, choices(Pick.KNOWN).list().ofMinSize(1).ofMaxSize(2)));
    }

    /** Mostly the usual pick for the step, now and then any id of the set. */
    private static Arbitrary<Choice> choices(Pick usual) {
        return Combinators.combine(Arbitraries.frequency(Tuple.of(6, usual), Tuple.of(1, Pick.ANY)),
                Arbitraries.integers().between(0, CASES.size() - 1)).as(Choice::new);
    }

    private static Arbitrary<Who> who() {
        return Arbitraries.frequencyOf(Tuple.of(17, Arbitraries.just(Who.RIGHTFUL)), Tuple.of(3, whoever()));
    }

    private static Arbitrary<Who> whoever() {
        return Arbitraries.of(Who.class);
    }

    private static Arbitrary<Amount> amounts() {
        return Combinators.combine(Arbitraries.of(AmountKind.class), Arbitraries.longs().between(1, Ppb.ONE))
                .as(Amount::new);
    }

    static Arbitrary<RegimePolicy> policies() {
        Arbitrary<Map<CapabilityTier, SecurityLevel>> minSecurity = Arbitraries.of(
                Map.<CapabilityTier, SecurityLevel>of(),
                Map.of(CapabilityTier.AI_3X, SecurityLevel.SL3, CapabilityTier.TEDAI, SecurityLevel.SL5))
                .injectNull(0.6);
        Arbitrary<Map<CapabilityTier, Set<ThreatModel>>> required = Arbitraries
                .just(Map.of(CapabilityTier.AI_3X, Set.of(ThreatModel.MISALIGNMENT)))
                .injectNull(0.7);
        Arbitrary<LikelihoodRatio> maxRatio = Arbitraries.of("1", "13", "1000").map(LikelihoodRatio::of)
                .injectNull(0.6);
        Arbitrary<Ppb> maxCaseRisk = Arbitraries.of(Ppb.of(500_000), Ppb.of(2_000_000)).injectNull(0.6);
        return Combinators.combine(minSecurity, required, maxRatio, maxCaseRisk, Arbitraries.of(true, false),
                        Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)))
                .as(RegimePolicy::new);
    }

    /** At least one threat model; risks from zero to probability one, most of them a fraction of a 0.25 % cap. */
    static Arbitrary<Assessments> assessments() {
        Arbitrary<SecurityAssessment> security = Combinators.combine(Arbitraries.of(SecurityLevel.class), risks())
                .as(SecurityAssessment::new);
        Arbitrary<MisalignmentAssessment> misalignment = Combinators.combine(priors(), evidenceLists(),
                        Arbitraries.of("0", "0.5", "1").map(Probability::of).injectNull(0.7))
                .as(MisalignmentAssessment::new);
        Arbitrary<MisuseAssessment> misuse = risks().map(MisuseAssessment::new);
        return Combinators.combine(security.injectNull(0.3), misalignment.injectNull(0.3), misuse.injectNull(0.3))
                .as(Assessments::new)
                .filter(assessments -> !assessments.isEmpty());
    }

    private static Arbitrary<Ppb> risks() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(Ppb.ZERO, Ppb.of(1), Ppb.of(Ppb.ONE))),
                Tuple.of(8, Arbitraries.longs().between(0, 100_000).map(Ppb::of)));
    }

    /**
     * Mostly priors whose risk fits a company's share of a 0.25 % cap (2 500 000 ppb) once evidence weighs in
     * (0.0001 is 100 000 ppb before any evidence, the essay's 0.03 with 4:1 and 10:1 is 772 599); now and then not.
     */
    private static Arbitrary<Probability> priors() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("0.00001", "0.0001", "0.001")),
                Tuple.of(3, Arbitraries.of("0.01", "0.03")),
                Tuple.of(1, Arbitraries.of("0", "0.000001", "0.5", "1"))).map(Probability::of);
    }

    /**
     * Usually a few items; now and then a long list, up to and exactly as long as one assessment may hold. Long
     * lists claim ratios within the default policy's maximum, or nearly every one would be refused for policy.
     */
    static Arbitrary<List<EvidenceItem>> evidenceLists() {
        // Ratios below one (evidence of scheming) and above the default policy maximum of 20 are the minority.
        Arbitrary<String> ratios = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("2", "4", "10", "12", "13", "20")),
                Tuple.of(2, Arbitraries.of("0.2", "0.5", "1")), Tuple.of(1, Arbitraries.of("20.5", "1000")));
        Arbitrary<EvidenceItem> items = evidence(ratios);
        Arbitrary<EvidenceItem> withinPolicy = evidence(Arbitraries.of("0.5", "1", "2", "4", "13", "20"));
        int most = MisalignmentAssessment.MAX_EVIDENCE_ITEMS;
        return Arbitraries.frequencyOf(
                Tuple.of(20, items.list().ofMaxSize(3)),
                Tuple.of(1, withinPolicy.list().ofMinSize(most - 2).ofMaxSize(most)),
                Tuple.of(1, withinPolicy.list().ofMinSize(40).ofMaxSize(most)));
    }

    /** Items do not shrink: a hundred items each shrinking its kind and ratio would take shrinking minutes. */
    private static Arbitrary<EvidenceItem> evidence(Arbitrary<String> ratios) {
        return Combinators.combine(Arbitraries.of(EvidenceKind.class), ratios.map(LikelihoodRatio::of))
                .as((kind, ratio) -> new EvidenceItem(kind, kind + " at " + ratio, ratio))
                .dontShrink();
    }

    // ---------------------------------------------------------------- short descriptions for reports

    /** A command as the transcript of a run shows it: what it asks, of whom, by whom. */
    static String describe(LedgerCommand command) {
        Actor actor = command.actor();
        String regime = command.regimeId().equals(REGIME) ? "" : " [regime " + command.regimeId().value() + "]";
        return what(command) + " — by " + actor.role()
                + (actor.companyId() == null ? "" : " of " + actor.companyId().value()) + regime;
    }

    private static String what(LedgerCommand command) {
        if (command instanceof OpenRegimeCommand c) {
            return "open cap " + c.capPpb().value() + " " + brief(c.policy());
        } else if (command instanceof ChangeRegimePolicyCommand c) {
            return "change policy to " + brief(c.policy());
        } else if (command instanceof RegisterCompanyCommand c) {
            return "register " + c.companyId().value();
        } else if (command instanceof AllocateBudgetCommand c) {
            return "allocate " + c.amountPpb().value() + " to " + c.companyId().value();
        } else if (command instanceof ReclaimBudgetCommand c) {
            return "reclaim " + c.amountPpb().value() + " from " + c.companyId().value();
        } else if (command instanceof TransferBudgetCommand c) {
            return "transfer " + c.transferId().value() + ": " + c.amountPpb().value() + " from "
                    + c.fromCompanyId().value() + " to " + c.toCompanyId().value();
        } else if (command instanceof ApproveTransferCommand c) {
            return "approve transfer " + c.transferId().value();
        } else if (command instanceof RejectTransferCommand c) {
            return "reject transfer " + c.transferId().value();
        } else if (command instanceof SubmitSafetyCaseCommand c) {
            return "submit " + c.caseId().value() + " of " + c.companyId().value() + ", " + c.capabilityTier() + ", "
                    + brief(c.assessments()) + ", window to " + c.window().to() + ", dependsOn "
                    + c.dependsOn().stream().map(CaseId::value).toList();
        } else if (command instanceof DecideSafetyCaseCommand c) {
            return c.decision() + " " + c.caseId().value();
        } else if (command instanceof ReviseSafetyCaseCommand c) {
            return "revise " + c.caseId().value() + " with evidence " + brief(c.evidence())
                    + (c.assessments() == null ? "" : ", replacing " + brief(c.assessments()));
        } else if (command instanceof ExpireSafetyCaseCommand c) {
            return "expire " + c.caseId().value();
        }
        return command.toString();
    }

    static String brief(Assessments assessments) {
        List<String> parts = new ArrayList<>();
        if (assessments.security() != null) {
            parts.add("security " + assessments.security().level() + " " + assessments.security().riskPpb().value());
        }
        if (assessments.misalignment() != null) {
            MisalignmentAssessment misalignment = assessments.misalignment();
            parts.add("misalignment prior " + misalignment.priorProbability() + " evidence "
                    + brief(misalignment.evidence())
                    + (misalignment.catastropheGivenScheming() == null ? "" : " p(cat) " + misalignment.catastropheGivenScheming()));
        }
        if (assessments.misuse() != null) {
            parts.add("misuse " + assessments.misuse().riskPpb().value());
        }
        return "{" + String.join("; ", parts) + "}";
    }

    static String brief(List<EvidenceItem> evidence) {
        if (evidence.size() > 5) {
            return evidence.size() + " items";
        }
        return evidence.stream().map(item -> item.likelihoodRatio().text()).collect(Collectors.joining(", ", "[", "]"));
    }

    static String brief(RegimePolicy policy) {
        return "policy{approval " + policy.transfersNeedApproval() + ", review " + policy.reviewRequired()
                + ", maxLR " + policy.maxEvidenceLikelihoodRatio() + ", maxCase "
                + (policy.maxCaseRiskPpb() == null ? "none" : policy.maxCaseRiskPpb().value()) + ", minSec "
                + policy.minSecurityLevel() + ", required " + policy.requiredThreatModels() + "}";
    }
}
