package org.riskbudget.contracts.audit;

import org.riskbudget.contracts.view.CompanyStatus;
import org.riskbudget.contracts.view.RegimeStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;

/**
 * The replay's running state of one regime: the pool, each company's accounts, every case and transfer. Only the
 * rules classes change it; it checks the double-entry invariant and builds the {@link RegimeBooks} snapshot.
 */
final class Books {

    RegimeId regimeId;
    boolean open;
    long capPpb;
    long poolPpb;
    long lastSequence;
    String lastHash;
    /** Sorted by id, so the snapshot lists companies, cases and transfers in a stable order. */
    final Map<CompanyId, Account> companies = new TreeMap<>();
    final Map<CaseId, CaseState> cases = new TreeMap<>();
    final Map<TransferId, TransferState> transfers = new TreeMap<>();

    /** The imbalance last reported, so that one bad event is one finding, not one finding per later event. */
    private long reportedImbalancePpb;
    /** Accounts already reported negative, for the same reason. */
    private final Set<String> reportedNegative = new HashSet<>();

    void open(long newCapPpb) {
        open = true;
        capPpb = newCapPpb;
        poolPpb = newCapPpb;
    }

    void advance(long sequence, String hash) {
        lastSequence = sequence;
        lastHash = hash;
    }

    /** pool + Σ available + Σ reserved + Σ spent = cap, with pool, reserved and spent never negative. */
    void checkBalances(Findings findings) {
        long totalPpb = poolPpb;
        for (Account account : companies.values()) {
            totalPpb += account.totalPpb();
        }
        long imbalancePpb = totalPpb - capPpb;
        if (imbalancePpb != 0 && imbalancePpb != reportedImbalancePpb) {
            findings.add(Finding.INVARIANT_BROKEN, "pool + available + reserved + spent = " + totalPpb
                    + " ppb, cap = " + capPpb + " ppb");
        }
        reportedImbalancePpb = imbalancePpb;
        checkNotNegative("the pool", poolPpb, findings);
        for (Account account : companies.values()) {
            checkNotNegative(account.companyId.value() + "'s reserved account", account.reservedPpb, findings);
            checkNotNegative(account.companyId.value() + "'s spent account", account.spentPpb, findings);
        }
    }

    private void checkNotNegative(String account, long balancePpb, Findings findings) {
        if (balancePpb >= 0) {
            reportedNegative.remove(account);
        } else if (reportedNegative.add(account)) {
            findings.add(Finding.NEGATIVE_BALANCE, account + " is negative: " + balancePpb + " ppb");
        }
    }

    RegimeBooks snapshot() {
        long reservedPpb = 0;
        long spentPpb = 0;
        List<RegimeBooks.Company> companyBooks = new ArrayList<>();
        for (Account account : companies.values()) {
            reservedPpb += account.reservedPpb;
            spentPpb += account.spentPpb;
            companyBooks.add(new RegimeBooks.Company(account.companyId, account.name, Ppb.of(account.allocatedPpb),
                    Ppb.of(account.availablePpb), Ppb.of(account.reservedPpb), Ppb.of(account.spentPpb),
                    Ppb.of(account.netTransferredPpb),
                    account.isPaused() ? CompanyStatus.PAUSE_REQUIRED : CompanyStatus.ACTIVE));
        }
        List<RegimeBooks.SafetyCase> caseBooks = cases.values().stream()
                .map(c -> new RegimeBooks.SafetyCase(c.caseId, c.companyId, c.status, Ppb.of(c.riskPpb),
                        Ppb.of(c.chargedPpb), Ppb.of(c.reservedPpb), List.copyOf(c.flags)))
                .toList();
        List<RegimeBooks.Transfer> transferBooks = transfers.values().stream()
                .map(t -> new RegimeBooks.Transfer(t.transferId, t.fromCompanyId, t.toCompanyId, Ppb.of(t.amountPpb),
                        t.status))
                .toList();
        return new RegimeBooks(regimeId, Ppb.of(capPpb), Ppb.of(poolPpb), Ppb.of(capPpb - poolPpb), Ppb.of(reservedPpb),
                Ppb.of(spentPpb), Ppb.of(capPpb - spentPpb - reservedPpb),
                spentPpb > capPpb ? RegimeStatus.CAP_EXCEEDED : RegimeStatus.WITHIN_CAP,
                companyBooks, caseBooks, transferBooks, lastSequence, lastHash);
    }
}
