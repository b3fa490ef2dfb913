package org.riskbudget.contracts.audit;

import java.io.PrintStream;
import org.riskbudget.contracts.risk.Ppb;

/** The verifier's statement, for people: what was checked, what the books say, what is wrong. */
final class VerificationStatement {

    private final AuditLogVerifier.Verdict verdict;
    private final ChainHead head;

    VerificationStatement(AuditLogVerifier.Verdict verdict, ChainHead head) {
        this.verdict = verdict;
        this.head = head;
    }

    void print(PrintStream out) {
        RegimeBooks books = verdict.books();
        AuditLogVerifier.ChainCheckResult chain = verdict.chain();
        out.println("Audit log of regime " + (books.regimeId() == null ? "(none)" : books.regimeId().value()) + ": "
                + books.lastSequence() + " events");
        if (chain.firstBreak() == null) {
            out.println("Chain: VALID through sequence " + chain.intactThroughSequence() + ", head " + chain.headHash()
                    + (head == null ? " (not compared with an attested head)" : " (matches the attested head)"));
        } else {
            out.println("Chain: BROKEN at sequence " + chain.firstBreak().sequence() + ": " + chain.firstBreak().detail());
        }
        out.println();
        out.println("Books recomputed from the events (ppb):");
        out.printf("  cap %s  allocated %s  unallocated %s  reserved %s  spent %s  remaining %s  %s%n",
                ppb(books.capPpb()), ppb(books.allocatedPpb()), ppb(books.poolPpb()), ppb(books.reservedPpb()),
                ppb(books.spentPpb()), ppb(books.remainingPpb()), books.status());
        out.printf("  %-24s %12s %12s %12s %12s %12s  %s%n", "company", "allocated", "transferred", "available",
                "reserved", "spent", "status");
        for (RegimeBooks.Company company : books.companies()) {
            out.printf("  %-24s %12s %12s %12s %12s %12s  %s%n", company.companyId().value(),
                    ppb(company.allocatedPpb()), ppb(company.netTransferredPpb()), ppb(company.availablePpb()),
                    ppb(company.reservedPpb()), ppb(company.spentPpb()), company.status());
        }
        out.println();
        out.println("Re-checked at every event: sequence and regime; pool + available + reserved + spent = cap; no "
                + "voluntary movement overdraws; allocations within the pool; amounts moved match the state; stated "
                + "risks match the assessments; paused companies neither submit nor get cases accepted.");
        if (verdict.findings().isEmpty()) {
            out.println("Findings: none");
        } else {
            out.println("Findings: " + verdict.findings().size());
            for (Finding finding : verdict.findings()) {
                out.println("  sequence " + finding.sequence() + " " + finding.rule() + ": " + finding.detail());
            }
        }
        out.println();
        out.println(verdict.isClean() ? "Result: VERIFIED" : "Result: NOT VERIFIED (first problem at sequence "
                + verdict.firstFindingSequence() + ")");
    }

    private static String ppb(Ppb amount) {
        return amount == null ? "-" : Long.toString(amount.value());
    }
}
