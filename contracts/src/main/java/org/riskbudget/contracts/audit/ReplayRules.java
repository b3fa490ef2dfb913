package org.riskbudget.contracts.audit;

import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;

/**
 * What the replay's rules share: looking up what an event refers to, and reading its amounts, reporting instead of
 * throwing when the data is bad.
 * <p>
 * How bad data is applied: an event that refers to something missing, creates something that exists, or carries
 * an amount no movement can carry is reported and <em>not</em> applied, since there is nothing sound to apply it
 * to. Every other finding is reported and the event applied as it states, so the books show what the log says.
 */
abstract class ReplayRules {

    /**
     * The most a single amount can be: a case's risk is the sum of three components of at most probability one.
     * Bounding every amount keeps every balance far from overflow.
     */
    static final long MAX_AMOUNT_PPB = 3 * Ppb.ONE;

    final Books books;
    final Findings findings;

    ReplayRules(Books books, Findings findings) {
        this.books = books;
        this.findings = findings;
    }

    /** The company, or null (reported) when the event names none or one that is not registered. */
    Account company(CompanyId companyId, String field) {
        if (companyId == null) {
            findings.add(Finding.MALFORMED_EVENT, field + " is missing");
            return null;
        }
        Account account = books.companies.get(companyId);
        if (account == null) {
            findings.add(Finding.UNKNOWN_REFERENCE, field + " " + companyId.value() + " is not registered");
        }
        return account;
    }

    CaseState safetyCase(CaseId caseId, String field) {
        if (caseId == null) {
            findings.add(Finding.MALFORMED_EVENT, field + " is missing");
            return null;
        }
        CaseState state = books.cases.get(caseId);
        if (state == null) {
            findings.add(Finding.UNKNOWN_REFERENCE, field + " " + caseId.value() + " does not exist");
        }
        return state;
    }

    TransferState transfer(TransferId transferId) {
        if (transferId == null) {
            findings.add(Finding.MALFORMED_EVENT, "transferId is missing");
            return null;
        }
        TransferState state = books.transfers.get(transferId);
        if (state == null) {
            findings.add(Finding.UNKNOWN_REFERENCE, "transfer " + transferId.value() + " does not exist");
        }
        return state;
    }

    /** A voluntary movement's amount: strictly positive, at most probability one. Null (reported) otherwise. */
    Long movement(Ppb amount, String field) {
        Long value = amount(amount, field);
        if (value != null && (value == 0 || value > Ppb.ONE)) {
            findings.add(Finding.INVALID_AMOUNT, field + " is " + value + " ppb; a movement is 1 to " + Ppb.ONE
                    + " ppb");
            return null;
        }
        return value;
    }

    /** Any other amount or risk: from zero to {@link #MAX_AMOUNT_PPB}. Null (reported) otherwise. */
    Long amount(Ppb amount, String field) {
        if (amount == null) {
            findings.add(Finding.MALFORMED_EVENT, field + " is missing");
            return null;
        }
        if (amount.value() < 0 || amount.value() > MAX_AMOUNT_PPB) {
            findings.add(Finding.INVALID_AMOUNT, field + " is " + amount.value() + " ppb, outside 0 to "
                    + MAX_AMOUNT_PPB + " ppb");
            return null;
        }
        return amount.value();
    }

    /** Reports when an event about a case or transfer names another party than the one on record. */
    void checkParty(String field, CompanyId stated, CompanyId onRecord, String subject) {
        if (stated != null && !stated.equals(onRecord)) {
            findings.add(Finding.PARTY_MISMATCH, subject + ": " + field + " is " + stated.value() + " but "
                    + onRecord.value() + " is on record");
        }
    }
}
