package org.riskbudget.bench.history;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.riskbudget.bench.workload.Mix;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.audit.EventChain;
import org.riskbudget.contracts.event.BudgetAllocatedEvent;
import org.riskbudget.contracts.event.BudgetTransferredEvent;
import org.riskbudget.contracts.event.CompanyRegisteredEvent;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.event.RegimeOpenedEvent;
import org.riskbudget.contracts.event.SafetyCaseSubmittedEvent;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.RiskBreakdown;

/**
 * One regime's events, made one at a time (a million never sit in memory together): the regime opened with the
 * benchmark's cap, its companies registered and given their initial allocation, then the write benchmark's mix of
 * allocations, transfers and case submissions. Each event is sealed onto the previous one's hash; balances are
 * tracked so that no movement overdraws, as the ledger would refuse it.
 */
public final class RegimeHistory implements Iterator<LedgerEvent> {

    static final Actor REGULATOR = new Actor(Role.REGULATOR, "bench-regulator", null);
    private static final int SETUP_EVENTS = 1 + 2 * Mix.COMPANIES;

    private final RegimeId regimeId;
    private final long events;
    private final Instant start;
    private final long[] availablePpb = new long[Mix.COMPANIES];
    private final RiskBreakdown caseRisk = Mix.ASSESSMENTS.riskBreakdown();
    private long poolPpb;
    private long sequence;
    private String lastHash;

    /**
     * @param events how many events in all, at least the set-up's 17
     * @param start  when the first event occurred; each later one a millisecond after the one before
     */
    public RegimeHistory(String regimeId, long events, Instant start) {
        if (events < SETUP_EVENTS) {
            throw new IllegalArgumentException("a history has at least " + SETUP_EVENTS + " events");
        }
        this.regimeId = RegimeId.of(regimeId);
        this.events = events;
        this.start = start;
        this.lastHash = EventChain.genesis(this.regimeId);
    }

    public String regimeId() {
        return regimeId.value();
    }

    @Override
    public boolean hasNext() {
        return sequence < events;
    }

    @Override
    public LedgerEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        sequence++;
        LedgerEvent sealed = EventChain.seal(draft(sequence, start.plusMillis(sequence)));
        lastHash = sealed.hash();
        return sealed;
    }

    private LedgerEvent draft(long seq, Instant at) {
        if (seq == 1) {
            poolPpb = Mix.CAP_PPB;
            return new RegimeOpenedEvent(regimeId, seq, at, REGULATOR, "benchmark " + regimeId.value(),
                    Ppb.of(Mix.CAP_PPB), RegimePolicy.defaults(), lastHash, null);
        }
        if (seq <= 1 + Mix.COMPANIES) {
            int company = (int) (seq - 2);
            return new CompanyRegisteredEvent(regimeId, seq, at, REGULATOR, Mix.company(company),
                    "Company " + company, lastHash, null);
        }
        if (seq <= SETUP_EVENTS) {
            return allocate(seq, at, (int) (seq - 2 - Mix.COMPANIES), Mix.INITIAL_ALLOCATION_PPB);
        }
        long number = seq - SETUP_EVENTS - 1;
        int company = (int) Math.floorMod(number, (long) Mix.COMPANIES);
        return switch (Mix.kindOf(number)) {
            case ALLOCATION -> allocate(seq, at, company, Mix.amountPpb(number));
            case TRANSFER -> transfer(seq, at, company, Mix.recipient(company, number), Mix.amountPpb(number));
            case SUBMISSION -> submit(seq, at, company);
        };
    }

    private BudgetAllocatedEvent allocate(long seq, Instant at, int company, long amountPpb) {
        poolPpb = debit(poolPpb, amountPpb);
        availablePpb[company] += amountPpb;
        return new BudgetAllocatedEvent(regimeId, seq, at, REGULATOR, Mix.company(company), Ppb.of(amountPpb),
                lastHash, null);
    }

    private BudgetTransferredEvent transfer(long seq, Instant at, int from, int to, long amountPpb) {
        availablePpb[from] = debit(availablePpb[from], amountPpb);
        availablePpb[to] += amountPpb;
        return new BudgetTransferredEvent(regimeId, seq, at, companyActor(from),
                TransferId.of("t-" + regimeId.value() + "-" + seq), Mix.company(from), Mix.company(to),
                Ppb.of(amountPpb), "benchmark trade", lastHash, null);
    }

    private SafetyCaseSubmittedEvent submit(long seq, Instant at, int company) {
        Ppb riskPpb = caseRisk.totalPpb();
        availablePpb[company] = debit(availablePpb[company], riskPpb.value());
        return new SafetyCaseSubmittedEvent(regimeId, seq, at, companyActor(company),
                CaseId.of("case-" + seq), Mix.company(company), Mix.SYSTEM, Mix.TIER, Mix.WINDOW, Mix.ASSESSMENTS,
                List.of(), riskPpb, caseRisk, lastHash, null);
    }

    private static Actor companyActor(int company) {
        CompanyId companyId = Mix.company(company);
        return new Actor(Role.COMPANY, "bench-" + companyId.value(), companyId);
    }

    /** The generator's own check: the mix is meant never to overdraw, and a history the ledger would refuse is useless. */
    private static long debit(long balancePpb, long amountPpb) {
        if (amountPpb > balancePpb) {
            throw new IllegalStateException("the benchmark history would overdraw: " + amountPpb + " from "
                    + balancePpb);
        }
        return balancePpb - amountPpb;
    }
}
