package org.riskbudget.contracts.audit;

import java.util.List;
import java.util.function.Consumer;
import org.riskbudget.contracts.event.BudgetAllocatedEvent;
import org.riskbudget.contracts.event.BudgetReclaimedEvent;
import org.riskbudget.contracts.event.BudgetTransferredEvent;
import org.riskbudget.contracts.event.CompanyRegisteredEvent;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.event.RegimeOpenedEvent;
import org.riskbudget.contracts.event.RegimePolicyChangedEvent;
import org.riskbudget.contracts.event.SafetyCaseAcceptedEvent;
import org.riskbudget.contracts.event.SafetyCaseExpiredEvent;
import org.riskbudget.contracts.event.SafetyCaseRejectedEvent;
import org.riskbudget.contracts.event.SafetyCaseRevisedEvent;
import org.riskbudget.contracts.event.SafetyCaseRevokedEvent;
import org.riskbudget.contracts.event.SafetyCaseSubmittedEvent;
import org.riskbudget.contracts.event.SafetyCaseWithdrawnEvent;
import org.riskbudget.contracts.event.SafetyCasesFlaggedEvent;
import org.riskbudget.contracts.event.TransferApprovedEvent;
import org.riskbudget.contracts.event.TransferRejectedEvent;
import org.riskbudget.contracts.event.TransferRequestedEvent;

/**
 * Recomputes one regime's books from its events alone, in order, and reports every event that breaks a rule of
 * the ledger. It shares no code with the ledger's aggregate on purpose: an auditor's replay that reused the
 * ledger's own bookkeeping would repeat its bugs instead of finding them. It never throws on bad data; whatever a
 * log holds becomes a {@link Finding}.
 * <p>
 * At every event it checks the event's place (sequence one more than the last, same regime), what the event refers
 * to and the state it needs, the amounts it moves against what the books hold, the risk it states against the
 * risk recomputed from the assessments, and afterwards the double-entry invariant
 * {@code pool + Σ available + Σ reserved + Σ spent = cap} with pool, reserved and spent never negative.
 * Hashes are not checked here (the verifier checks the chain over the raw JSON); the last one is recorded.
 * <p>
 * Read a log with {@link #of} or event by event with {@link #read}; both may be mixed with reading the results at
 * any point. Calling {@code event.accept(replay)} is the same as {@code replay.read(event)}.
 */
public final class LedgerReplay implements LedgerEvent.Visitor {

    private final Books books = new Books();
    private final Findings findings = new Findings();
    private final BudgetRules budget = new BudgetRules(books, findings);
    private final CaseRules cases = new CaseRules(books, findings);

    /** Replays a whole log, in the order given. */
    public static LedgerReplay of(Iterable<? extends LedgerEvent> events) {
        LedgerReplay replay = new LedgerReplay();
        for (LedgerEvent event : events) {
            replay.read(event);
        }
        return replay;
    }

    /** Replays the next event of the log. */
    public LedgerReplay read(LedgerEvent event) {
        if (event == null) {
            findings.at(books.lastSequence + 1);
            findings.add(Finding.MALFORMED_EVENT, "the log holds no event where " + (books.lastSequence + 1)
                    + " was expected");
            books.advance(books.lastSequence + 1, books.lastHash);
        } else {
            event.accept(this);
        }
        return this;
    }

    /** The books after the last event read. */
    public RegimeBooks books() {
        return books.snapshot();
    }

    /** Everything found so far, in the order of the log. */
    public List<Finding> findings() {
        return findings.list();
    }

    /** Whether the log read so far breaks no rule the replay checks. */
    public boolean isClean() {
        return findings.isEmpty();
    }

    /**
     * One event: its place in the log, its rules and movements, then the balances. An event before the regime was
     * opened has no books to move and is only reported.
     */
    private <E extends LedgerEvent> void step(E event, Consumer<E> rules) {
        findings.at(event.sequence());
        checkPlace(event);
        if (books.open || event instanceof RegimeOpenedEvent) {
            try {
                rules.accept(event);
            } catch (RuntimeException unforeseen) {
                // Bad data the rules did not foresee still becomes a finding: a verifier that stops at the first
                // odd event would hide everything after it.
                findings.add(Finding.MALFORMED_EVENT, "the event cannot be evaluated: " + unforeseen);
            }
            if (books.open) {
                books.checkBalances(findings);
            }
        } else {
            findings.add(Finding.INVALID_STATE, "the log does not begin by opening the regime");
        }
        books.advance(event.sequence(), event.hash());
    }

    private void checkPlace(LedgerEvent event) {
        long expectedSequence = books.lastSequence + 1;
        if (event.sequence() != expectedSequence) {
            // The replay goes on from the stated sequence, so one gap or repeat is one finding.
            findings.add(Finding.SEQUENCE_BROKEN, "sequence " + event.sequence() + " where " + expectedSequence
                    + " was expected");
        }
        if (event.regimeId() == null) {
            findings.add(Finding.MALFORMED_EVENT, "regimeId is missing");
        } else if (books.regimeId == null) {
            books.regimeId = event.regimeId();
        } else if (!books.regimeId.equals(event.regimeId())) {
            findings.add(Finding.REGIME_MISMATCH, "an event of regime " + event.regimeId().value() + " in the log of "
                    + books.regimeId.value());
        }
    }

    @Override
    public void on(RegimeOpenedEvent event) {
        step(event, budget::opened);
    }

    @Override
    public void on(RegimePolicyChangedEvent event) {
        step(event, budget::policyChanged);
    }

    @Override
    public void on(CompanyRegisteredEvent event) {
        step(event, budget::registered);
    }

    @Override
    public void on(BudgetAllocatedEvent event) {
        step(event, budget::allocated);
    }

    @Override
    public void on(BudgetReclaimedEvent event) {
        step(event, budget::reclaimed);
    }

    @Override
    public void on(BudgetTransferredEvent event) {
        step(event, budget::transferred);
    }

    @Override
    public void on(TransferRequestedEvent event) {
        step(event, budget::requested);
    }

    @Override
    public void on(TransferApprovedEvent event) {
        step(event, budget::approved);
    }

    @Override
    public void on(TransferRejectedEvent event) {
        step(event, budget::rejected);
    }

    @Override
    public void on(SafetyCaseSubmittedEvent event) {
        step(event, cases::submitted);
    }

    @Override
    public void on(SafetyCaseAcceptedEvent event) {
        step(event, cases::accepted);
    }

    @Override
    public void on(SafetyCaseRejectedEvent event) {
        step(event, cases::rejected);
    }

    @Override
    public void on(SafetyCaseWithdrawnEvent event) {
        step(event, cases::withdrawn);
    }

    @Override
    public void on(SafetyCaseRevokedEvent event) {
        step(event, cases::revoked);
    }

    @Override
    public void on(SafetyCaseExpiredEvent event) {
        step(event, cases::expired);
    }

    @Override
    public void on(SafetyCaseRevisedEvent event) {
        step(event, cases::revised);
    }

    @Override
    public void on(SafetyCasesFlaggedEvent event) {
        step(event, cases::flagged);
    }
}
