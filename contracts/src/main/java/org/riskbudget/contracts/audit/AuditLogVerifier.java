package org.riskbudget.contracts.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.json.LedgerJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies an exported audit log without trusting the ledger: it needs only this jar and the export. It walks the
 * hash chain over the lines as written, replays the events into books of its own ({@link LedgerReplay}, which
 * shares no code with the ledger's aggregate), and states the result. Reads line by line, so any size fits.
 * <p>
 * Command line: {@code java -jar contracts-verifier.jar LOG.jsonl [--head SEQUENCE:HASH]}, or {@code -} for
 * standard input. Exit status 0 when the chain is intact and no rule is broken, 1 on any finding, 2 when the
 * verifier could not run.
 */
public final class AuditLogVerifier {

    /** The rule a broken chain is reported under, next to the replay's rules. */
    public static final String CHAIN_BROKEN = "CHAIN_BROKEN";

    private AuditLogVerifier() {}

    /** The outcome: the first break of the chain if any, the books and every rule the replay found broken. */
    public record Verdict(ChainCheckResult chain, RegimeBooks books, List<Finding> findings) {

        public boolean isClean() {
            return chain.firstBreak() == null && findings.isEmpty();
        }

        /** The lowest sequence at which anything is wrong, or -1 when nothing is. */
        public long firstFindingSequence() {
            long first = chain.firstBreak() == null ? Long.MAX_VALUE : chain.firstBreak().sequence();
            for (Finding finding : findings) {
                first = Math.min(first, finding.sequence());
            }
            return first == Long.MAX_VALUE ? -1 : first;
        }
    }

    /** The chain's state at the end of the log: how far it was intact, its head hash, its first break. */
    public record ChainCheckResult(long intactThroughSequence, String headHash, Finding firstBreak) {}

    /**
     * Verifies a log. Events after the first break of the chain are still replayed, so the books show what the
     * log claims, but nothing after the break is vouched for.
     */
    public static Verdict verify(Reader log, ChainHead attestedHead) {
        ChainCheck chain = new ChainCheck();
        LedgerReplay replay = new LedgerReplay();
        List<Finding> unreadable = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(log)) {
            long lineNumber = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode event = LedgerJson.mapper().readTree(line);
                    chain.accept(event);
                    replay.read(LedgerJson.mapper().treeToValue(event, LedgerEvent.class));
                } catch (JacksonException | IllegalArgumentException notAnEvent) {
                    String reason = "line " + lineNumber + ": " + firstLine(notAnEvent.getMessage());
                    chain.unreadable(reason);
                    unreadable.add(new Finding(replay.books().lastSequence() + 1, Finding.MALFORMED_EVENT, reason));
                    replay.read(null);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log", e);
        }
        chain.requireHead(attestedHead);
        List<Finding> findings = new ArrayList<>(unreadable);
        findings.addAll(replay.findings());
        findings.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return new Verdict(new ChainCheckResult(chain.lastSequence(), chain.headHash(), chain.firstBreak()),
                replay.books(), findings);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length != 1 && !(args.length == 3 && "--head".equals(args[1]))) {
            out.println("usage: java -jar contracts-verifier.jar LOG.jsonl|- [--head SEQUENCE:HASH]");
            return 2;
        }
        try (Reader log = "-".equals(args[0]) ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            ChainHead head = args.length == 3 ? ChainHead.parse(args[2]) : null;
            Verdict verdict = verify(log, head);
            new VerificationStatement(verdict, head).print(out);
            return verdict.isClean() ? 0 : 1;
        } catch (IOException | UncheckedIOException | IllegalArgumentException cannotRun) {
            out.println("cannot verify: " + cannotRun.getMessage());
            return 2;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
