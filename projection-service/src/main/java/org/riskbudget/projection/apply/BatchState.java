package org.riskbudget.projection.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows one batch touches, loaded once, changed in memory event by event, then written back together; and the
 * history and statement rows the batch adds.
 */
final class BatchState {

    final Map<String, RegimeRow> regimes = new HashMap<>();
    final Map<Key, CompanyRow> companies = new HashMap<>();
    final Map<Key, CaseRow> cases = new HashMap<>();
    final Map<Key, TransferRow> transfers = new HashMap<>();
    final List<AppliedEvent> history = new ArrayList<>();
    final List<MovementRow> movements = new ArrayList<>();

    /** The regime, or null before its RegimeOpened event was applied. */
    RegimeRow regimeOrNull(String regimeId) {
        return regimes.get(regimeId);
    }

    RegimeRow regime(String regimeId) {
        return existing(regimes.get(regimeId), "regime " + regimeId);
    }

    CompanyRow company(String regimeId, String companyId) {
        return existing(companies.get(new Key(regimeId, companyId)), "company " + companyId + " of " + regimeId);
    }

    CaseRow safetyCase(String regimeId, String caseId) {
        return existing(cases.get(new Key(regimeId, caseId)), "case " + caseId + " of " + regimeId);
    }

    TransferRow transfer(String regimeId, String transferId) {
        return existing(transfers.get(new Key(regimeId, transferId)), "transfer " + transferId + " of " + regimeId);
    }

    /**
     * The ledger only emits events about members that exist, so a missing one is a broken contract, not bad input:
     * the batch fails and is retried rather than guessing.
     */
    private static <T> T existing(T row, String what) {
        if (row == null) {
            throw new IllegalStateException(what + " is referenced by an event but was never created");
        }
        return row;
    }
}
