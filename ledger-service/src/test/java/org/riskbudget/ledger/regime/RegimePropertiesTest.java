package org.riskbudget.ledger.regime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.riskbudget.contracts.api.CommandResult;
import org.riskbudget.contracts.api.SafetyCaseOutcome;
import org.riskbudget.contracts.api.TransferOutcome;
import org.riskbudget.contracts.api.TransferStatus;
import org.riskbudget.contracts.audit.EventChain;
import org.riskbudget.contracts.audit.LedgerReplay;
import org.riskbudget.contracts.audit.RegimeBooks;
import org.riskbudget.contracts.command.LedgerCommand;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.command.CaseDecision;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.riskbudget.contracts.risk.LikelihoodRatio;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.risk.Probability;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.EvidenceItem;
import org.riskbudget.contracts.safetycase.EvidenceKind;
import org.riskbudget.contracts.safetycase.MisalignmentAssessment;
import org.riskbudget.ledger.regime.RandomCommands.Allocate;
import org.riskbudget.ledger.regime.RandomCommands.Amount;
import org.riskbudget.ledger.regime.RandomCommands.AmountKind;
import org.riskbudget.ledger.regime.RandomCommands.ChangePolicy;
import org.riskbudget.ledger.regime.RandomCommands.Choice;
import org.riskbudget.ledger.regime.RandomCommands.Context;
import org.riskbudget.ledger.regime.RandomCommands.Decide;
import org.riskbudget.ledger.regime.RandomCommands.OpenRegime;
import org.riskbudget.ledger.regime.RandomCommands.Pick;
import org.riskbudget.ledger.regime.RandomCommands.Register;
import org.riskbudget.ledger.regime.RandomCommands.Revise;
import org.riskbudget.ledger.regime.RandomCommands.Step;
import org.riskbudget.ledger.regime.RandomCommands.Submit;
import org.riskbudget.ledger.regime.RandomCommands.Who;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The regime under random histories of valid and invalid commands (every command type, companies registered and
 * not, amounts at the edges, small id sets so that duplicates and dependencies occur, wrong roles and wrong
 * companies, policies with and without approval and review), run against the real aggregate in a plain Axon
 * configuration in memory.
 * <ol type="a">
 * <li>Every command is done, or refused with a {@link LedgerException} (or with one of the two refusals Axon makes
 *     itself and the API maps to a problem: no such regime, a regime opened twice). Anything else is a bug, and so
 *     is the {@code IllegalStateException} the aggregate throws when an applied event breaks its invariant.</li>
 * <li>A refused command appends no event; a command that is done appends at least one and answers with the last
 *     one's sequence.</li>
 * <li>The log the ledger writes, read back from its JSON by the independent {@link LedgerReplay}, is intact,
 *     breaks no rule at any event, and gives the books the aggregate holds: pool, every company's accounts, every
 *     case and transfer, and the answers commands gave.</li>
 * <li>The double-entry invariant holds: asserted by the aggregate on every applied event, by the replay at every
 *     event, and once more on the regime as loaded at the end.</li>
 * <li>The regime written as its snapshot reads back as the same regime, every member and field included.</li>
 * <li>The regime the cache holds, which refusals leave in place, is the regime the log makes.</li>
 * </ol>
 * A failure names the property, and its message holds the history as run, step by step with each outcome; jqwik
 * shrinks a failing history first, so the message shows the shrunk one.
 */
class RegimePropertiesTest {

    private static final String DONE = "done";
    private static InMemoryRegimes regimes;
    /** Axon logs every refused load with its stack trace; thousands of them would cost more than the commands. */
    private static final Logger AXON_LOG = (Logger) LoggerFactory.getLogger("org.axonframework");
    private static Level axonLevel;

    @BeforeContainer
    static void startAxon() {
        axonLevel = AXON_LOG.getLevel();
        AXON_LOG.setLevel(Level.ERROR);
        System.setProperty("disable-axoniq-console-message", "true");
        regimes = new InMemoryRegimes();
    }

    @AfterContainer
    static void stopAxon() {
        regimes.close();
        AXON_LOG.setLevel(axonLevel);
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return RandomCommands.histories();
    }

    /**
     * 200 histories of up to 67 commands run in about 5 to 10 seconds. Shrinking is bounded (jqwik's default, 10
     * seconds): full shrinking takes over a minute here, and the examples below pin each bug found at its
     * smallest.
     */
    @Property(tries = 200)
    void everyCommandIsDoneOrRefusedAndTheLogReplaysToTheAggregatesBooks(@ForAll("histories") List<Step> history) {
        regimes.reset();
        new Run(history).performAll();
    }

    // ---------------------------------------------------------------- bugs found, pinned at their smallest

    private static final RegimePolicy DEFAULT_POLICY = RegimePolicy.defaults();

    /** c1 registered and holding a third of a 2 500 000 ppb cap, with case k0 accepted. */
    private static List<Step> anAcceptedCase(Assessments assessments) {
        return List.of(
                new OpenRegime(Ppb.of(2_500_000), DEFAULT_POLICY, Who.RIGHTFUL),
                new Register(0, Who.RIGHTFUL),
                new Allocate(0, new Amount(AmountKind.THIRD, 1), Who.RIGHTFUL),
                new Submit(new Choice(Pick.NEW, 0), 0, assessments, CapabilityTier.BELOW_3X, false, List.of(),
                        Who.RIGHTFUL),
                new Decide(new Choice(Pick.KNOWN, 0), CaseDecision.ACCEPT, Who.RIGHTFUL));
    }

    private static Assessments misalignment(List<EvidenceItem> evidence) {
        return new Assessments(null, new MisalignmentAssessment(Probability.of("0.0001"), evidence, null), null);
    }

    private static List<EvidenceItem> evidence(String likelihoodRatio, int items) {
        return Collections.nCopies(items,
                new EvidenceItem(EvidenceKind.BEHAVIOURAL, "evaluation", LikelihoodRatio.of(likelihoodRatio)));
    }

    /**
     * Bug: a revision that takes a case's misalignment evidence past {@value MisalignmentAssessment#MAX_EVIDENCE_ITEMS}
     * items makes {@code Regime.handle(ReviseSafetyCaseCommand)} throw the IllegalArgumentException of
     * {@code MisalignmentAssessment}'s constructor (via {@code Assessments.revisedWith}, which the handler guards
     * only for IllegalStateException): a 500 instead of a refusal. Each request is valid on its own, so the edge
     * cannot refuse it; a case can reach the limit at submission, or by earlier revisions.
     */
    @Example
    void aRevisionTakingTheEvidencePastItsLimitIsRefusedNotThrown() {
        regimes.reset();
        Revise oneMore = new Revise(new Choice(Pick.KNOWN, 0), List.of(RandomCommands.SMOKING_GUN), null, Who.RIGHTFUL);
        Run run = new Run(append(anAcceptedCase(misalignment(evidence("2", MisalignmentAssessment.MAX_EVIDENCE_ITEMS))),
                oneMore));

        run.performAll();
    }

    /**
     * Bug (by DESIGN.md: "a change applies to later submissions"; a revision "is recorded even when the company
     * cannot pay"): a revision re-checks the evidence the case was accepted with against the policy of today.
     * After the regulator lowers the maximum likelihood ratio from 20 to 13, smoking-gun evidence (0.2:1) against
     * a case accepted with a 20:1 item is refused with POLICY_VIOLATION, so the risk it reveals is never charged.
     */
    @Example
    void aRevisionIsNotRefusedForEvidenceTheCaseWasAcceptedWithUnderAnEarlierPolicy() {
        regimes.reset();
        RegimePolicy stricter = new RegimePolicy(null, null, LikelihoodRatio.of("13"), null, null, null);
        Revise smokingGun = new Revise(new Choice(Pick.KNOWN, 0), List.of(RandomCommands.SMOKING_GUN), null,
                Who.RIGHTFUL);
        Run run = new Run(append(anAcceptedCase(misalignment(evidence("20", 1))),
                new ChangePolicy(stricter, Who.RIGHTFUL), smokingGun));

        run.performAll();

        assertThat(run.lastOutcome).as(run.report("the smoking gun is recorded")).isEqualTo(DONE);
    }

    private static List<Step> append(List<Step> start, Step... more) {
        List<Step> history = new ArrayList<>(start);
        history.addAll(List.of(more));
        return history;
    }

    /** One history as it runs: the replay follows the log event by event, the transcript records every outcome. */
    private static final class Run {

        private final List<Step> history;
        private final LedgerReplay replay = new LedgerReplay();
        private final StringBuilder transcript = new StringBuilder();
        private int steps;
        /** "done", or the code or exception of the last refusal. */
        private String lastOutcome;

        Run(List<Step> history) {
            this.history = history;
        }

        /** Runs the whole history, then compares the replay with the aggregate. */
        void performAll() {
            for (Step step : history) {
                perform(step);
            }
            compareTheReplayWithTheAggregate();
        }

        void perform(Step step) {
            steps++;
            LedgerCommand command;
            try {
                command = step.command(new Context(RandomCommands.REGIME, replay.books()));
            } catch (IllegalArgumentException invalidAtTheEdge) {
                note(step.toString(), "not sent, 400: " + invalidAtTheEdge.getMessage());
                collect(step, "400");
                return;
            }
            String described = RandomCommands.describe(command);
            RegimeId target = command.regimeId();
            long eventsBefore = regimes.eventCount(target);
            CommandResult result;
            try {
                result = regimes.send(command);
            } catch (LedgerException refusal) {
                note(described, "refused " + refusal.code() + ": " + refusal.getMessage());
                collect(step, refusal.code().name());
                requireNothingAppended(target, eventsBefore);
                return;
            } catch (AggregateNotFoundException | AggregateStreamCreationException refusal) {
                note(described, "refused by Axon: " + refusal.getMessage());
                collect(step, refusal.getClass().getSimpleName());
                requireNothingAppended(target, eventsBefore);
                return;
            } catch (RuntimeException unexpected) {
                note(described, "THREW " + unexpected);
                throw failure("(a) every command is done or refused with a LedgerException, but step " + steps
                        + " threw " + unexpected, unexpected);
            }
            long eventsAfter = regimes.eventCount(target);
            note(described, "done: " + result);
            collect(step, DONE);
            if (!target.equals(RandomCommands.REGIME)) {
                throw failure("(b) a command to regime " + target.value() + ", never opened, was done", null);
            }
            if (eventsAfter <= eventsBefore) {
                throw failure("(b) a command that is done appends an event, but step " + steps + " appended none", null);
            }
            if (result.sequence() != eventsAfter) {
                throw failure("(b) a command answers with its last event's sequence: step " + steps + " answered "
                        + result.sequence() + " and the log holds " + eventsAfter + " events", null);
            }
            readNewEvents();
            compareTheAnswerWithTheReplay(result);
        }

        /** The new events go to the replay as an auditor gets them: as JSON, checked for their place in the chain. */
        private void readNewEvents() {
            RegimeBooks books = replay.books();
            String previousHash = books.lastSequence() == 0 ? EventChain.genesis(RandomCommands.REGIME) : books.lastHash();
            for (LedgerEvent stored : regimes.events(RandomCommands.REGIME, books.lastSequence() + 1)) {
                String json = LedgerJson.mapper().writerFor(LedgerEvent.class).writeValueAsString(stored);
                LedgerEvent read = LedgerJson.mapper().readValue(json, LedgerEvent.class);
                if (!EventChain.isIntact(read) || !previousHash.equals(read.previousHash())) {
                    throw failure("(c) the log is intact: event " + read.sequence() + " is not, or is not linked to "
                            + "the event before it: " + json, null);
                }
                previousHash = read.hash();
                replay.read(read);
            }
            if (!replay.isClean()) {
                throw failure("(c) the ledger's log breaks no rule, but the replay finds " + replay.findings(), null);
            }
        }

        /** What a command answers about a case or transfer is what the log says of it. */
        private void compareTheAnswerWithTheReplay(CommandResult result) {
            RegimeBooks books = replay.books();
            if (result instanceof SafetyCaseOutcome outcome) {
                RegimeBooks.SafetyCase replayed = books.safetyCase(outcome.caseId()).orElse(null);
                String answered = outcome.status() + " " + outcome.riskPpb() + " charged " + outcome.chargedPpb() + " "
                        + outcome.flags();
                String fromTheLog = replayed == null ? "no such case" : replayed.status() + " " + replayed.riskPpb()
                        + " charged " + replayed.chargedPpb() + " " + replayed.flags();
                if (!answered.equals(fromTheLog)) {
                    throw failure("(c) the answer to step " + steps + " is " + answered + " but the log gives "
                            + fromTheLog, null);
                }
            } else if (result instanceof TransferOutcome outcome) {
                Object fromTheLog = books.transfer(outcome.transferId()).map(RegimeBooks.Transfer::status).orElse(null);
                if (outcome.status() != fromTheLog) {
                    throw failure("(c) the answer to step " + steps + " is " + outcome.status() + " but the log gives "
                            + fromTheLog, null);
                }
            }
        }

        void compareTheReplayWithTheAggregate() {
            RegimeBooks books = replay.books();
            if (books.lastSequence() == 0) {
                // The opening itself was refused (a wrong actor); nothing else can have happened.
                assertThat(regimes.eventCount(RandomCommands.REGIME)).as(report("no regime, no events")).isZero();
                return;
            }
            JsonNode aggregate;
            try {
                aggregate = regimes.state(RandomCommands.REGIME);
            } catch (IllegalStateException broken) {
                throw failure("(d) the regime loads with its invariant intact, but: " + broken.getMessage(), broken);
            }
            Map<String, String> fromTheAggregate = figures(aggregate);
            Map<String, String> fromTheReplay = figures(books);
            if (!fromTheAggregate.equals(fromTheReplay)) {
                Set<String> names = new TreeSet<>(fromTheAggregate.keySet());
                names.addAll(fromTheReplay.keySet());
                StringBuilder differences = new StringBuilder();
                for (String name : names) {
                    if (!Objects.equals(fromTheAggregate.get(name), fromTheReplay.get(name))) {
                        differences.append(String.format("%n  %s: aggregate %s, replay %s", name,
                                fromTheAggregate.get(name), fromTheReplay.get(name)));
                    }
                }
                throw failure("(c) the replay's books equal the aggregate's, but they differ in" + differences, null);
            }
            if (!regimes.stateReadBackFromSnapshot(RandomCommands.REGIME).equals(aggregate)) {
                throw failure("(e) the regime reads back from its snapshot as it was, but it does not", null);
            }
            JsonNode cached = regimes.cachedState(RandomCommands.REGIME);
            if (cached != null && !cached.equals(aggregate)) {
                throw failure("(f) the cached regime is the regime the log makes, but it is not", null);
            }
        }

        private void requireNothingAppended(RegimeId target, long eventsBefore) {
            long eventsAfter = regimes.eventCount(target);
            if (eventsAfter != eventsBefore) {
                throw failure("(b) a refused command appends nothing, but step " + steps + " took the log from "
                        + eventsBefore + " to " + eventsAfter + " events", null);
            }
        }

        private void note(String command, String outcome) {
            transcript.append(String.format("%3d. %s%n       → %s%n", steps, command, outcome));
        }

        private AssertionError failure(String property, Throwable cause) {
            return new AssertionError(report(property), cause);
        }

        /**
         * The property, the commands as run with their outcomes, and the steps as jqwik generated them: when jqwik
         * reports a failure it is the shrunk history's, so the message shows the shrunk counterexample.
         */
        private String report(String property) {
            String newLine = System.lineSeparator();
            StringBuilder report = new StringBuilder(property).append(newLine).append(newLine)
                    .append("The history as run (").append(steps).append(" of ").append(history.size())
                    .append(" steps):").append(newLine).append(transcript).append(newLine)
                    .append("The history as generated:").append(newLine);
            for (int i = 0; i < history.size(); i++) {
                report.append(String.format("%3d. %s%n", i + 1, history.get(i)));
            }
            return report.toString();
        }

        private void collect(Step step, String outcome) {
            lastOutcome = outcome;
            Step command = step instanceof RandomCommands.Elsewhere elsewhere ? elsewhere.step() : step;
            Statistics.label("outcomes").collect(command.getClass().getSimpleName(), outcome);
        }
    }

    // ---------------------------------------------------------------- the books, side by side

    private static final List<String> COMPANY_FIGURES =
            List.of("availablePpb", "reservedPpb", "spentPpb", "allocatedPpb", "netTransferredPpb");
    private static final List<String> CASE_FIGURES =
            List.of("companyId", "status", "riskPpb", "chargedPpb", "reservedPpb", "flags");
    /** Figures of a pending transfer; a settled one is only its id and status. */
    private static final List<String> PENDING_TRANSFER_FIGURES = List.of("fromCompanyId", "toCompanyId", "amountPpb");

    /** The aggregate's state, read from its snapshot JSON (its fields, private ones included), as flat figures. */
    private static Map<String, String> figures(JsonNode regime) {
        Map<String, String> figures = new TreeMap<>();
        for (String field : List.of("capPpb", "poolPpb", "lastSequence", "lastHash")) {
            figures.put(field, String.valueOf(regime.get(field)));
        }
        addAll(figures, "companies", regime.get("companies"), COMPANY_FIGURES);
        addAll(figures, "cases", regime.get("cases"), CASE_FIGURES);
        addAll(figures, "transfers", regime.get("pendingTransfers"), PENDING_TRANSFER_FIGURES);
        regime.get("pendingTransfers").propertyNames()
                .forEach(id -> figures.put("transfers." + id + ".status", "\"PENDING\""));
        // A case without flags keeps none, where the books list none.
        regime.get("cases").propertyNames().stream().filter(id -> regime.get("cases").get(id).path("flags").isEmpty())
                .forEach(id -> figures.put("cases." + id + ".flags", "[]"));
        // Settled transfers are kept as one text of their ids, each followed by a space.
        for (String status : List.of("completed", "rejected")) {
            String ids = regime.get(status + "TransferIds").asString();
            Arrays.stream(ids.split(" ")).filter(id -> !id.isEmpty()).forEach(id ->
                    figures.put("transfers." + id + ".status", "\"" + status.toUpperCase(Locale.ROOT) + "\""));
        }
        return figures;
    }

    private static void addAll(Map<String, String> figures, String prefix, JsonNode members, List<String> fields) {
        for (Map.Entry<String, JsonNode> member : members.properties()) {
            for (String field : fields) {
                figures.put(prefix + "." + member.getKey() + "." + field, String.valueOf(member.getValue().get(field)));
            }
        }
    }

    /** The replay's books as the same flat figures, each written as the aggregate's JSON writes it. */
    private static Map<String, String> figures(RegimeBooks books) {
        Map<String, String> figures = new TreeMap<>();
        figures.put("capPpb", json(books.capPpb()));
        figures.put("poolPpb", json(books.poolPpb()));
        figures.put("lastSequence", json(books.lastSequence()));
        figures.put("lastHash", json(books.lastHash()));
        for (RegimeBooks.Company company : books.companies()) {
            String prefix = "companies." + company.companyId().value() + ".";
            figures.put(prefix + "availablePpb", json(company.availablePpb()));
            figures.put(prefix + "reservedPpb", json(company.reservedPpb()));
            figures.put(prefix + "spentPpb", json(company.spentPpb()));
            figures.put(prefix + "allocatedPpb", json(company.allocatedPpb()));
            figures.put(prefix + "netTransferredPpb", json(company.netTransferredPpb()));
        }
        for (RegimeBooks.SafetyCase safetyCase : books.cases()) {
            String prefix = "cases." + safetyCase.caseId().value() + ".";
            figures.put(prefix + "companyId", json(safetyCase.companyId()));
            figures.put(prefix + "status", json(safetyCase.status()));
            figures.put(prefix + "riskPpb", json(safetyCase.riskPpb()));
            figures.put(prefix + "chargedPpb", json(safetyCase.chargedPpb()));
            figures.put(prefix + "reservedPpb", json(safetyCase.reservedPpb()));
            figures.put(prefix + "flags", json(safetyCase.flags()));
        }
        for (RegimeBooks.Transfer transfer : books.transfers()) {
            String prefix = "transfers." + transfer.transferId().value() + ".";
            figures.put(prefix + "status", json(transfer.status()));
            if (transfer.status() == TransferStatus.PENDING) {
                figures.put(prefix + "fromCompanyId", json(transfer.fromCompanyId()));
                figures.put(prefix + "toCompanyId", json(transfer.toCompanyId()));
                figures.put(prefix + "amountPpb", json(transfer.amountPpb()));
            }
        }
        return figures;
    }

    private static String json(Object value) {
        return LedgerJson.mapper().valueToTree(value).toString();
    }
}
