package org.riskbudget.contracts.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.view.CompanyStatus;
import org.riskbudget.contracts.view.RegimeStatus;
import tools.jackson.databind.node.ObjectNode;

/**
 * The independent verifier, on real exports of the two worked scenarios taken from ledger-service: an untouched
 * export verifies with the scenarios' figures; any tampering is caught at the sequence where it happened.
 */
class AuditLogVerifierTest {

    private static final String ESSAY = "essay-smoking-gun.jsonl";
    private static final String UNILATERAL = "unilateral-approvals.jsonl";

    @Nested
    class UntouchedExports {

        @Test
        void theEssayExportVerifiesWithTheScenariosFigures() {
            AuditLogVerifier.Verdict verdict = verify(export(ESSAY), null);

            assertThat(verdict.isClean()).isTrue();
            RegimeBooks books = verdict.books();
            assertThat(books.capPpb()).isEqualTo(Ppb.of(2_500_000));
            assertThat(books.allocatedPpb()).isEqualTo(Ppb.of(2_250_000));
            assertThat(books.poolPpb()).isEqualTo(Ppb.of(250_000));
            assertThat(books.spentPpb()).isEqualTo(Ppb.of(4_233_072));
            assertThat(books.remainingPpb()).isEqualTo(Ppb.of(-1_733_072));
            assertThat(books.status()).isEqualTo(RegimeStatus.CAP_EXCEEDED);
            RegimeBooks.Company frontierA = books.company(CompanyId.of("frontier-a")).orElseThrow();
            assertThat(frontierA.availablePpb()).isEqualTo(Ppb.of(-2_801_092));
            assertThat(frontierA.spentPpb()).isEqualTo(Ppb.of(4_001_092));
            assertThat(frontierA.status()).isEqualTo(CompanyStatus.PAUSE_REQUIRED);
            assertThat(books.company(CompanyId.of("frontier-b")).orElseThrow().availablePpb())
                    .isEqualTo(Ppb.of(550_000));
        }

        @Test
        void theUnilateralExportVerifiesWithTheScenariosFigures() {
            AuditLogVerifier.Verdict verdict = verify(export(UNILATERAL), null);

            assertThat(verdict.isClean()).isTrue();
            RegimeBooks books = verdict.books();
            assertThat(books.allocatedPpb()).isEqualTo(Ppb.of(1_901_414));
            assertThat(books.spentPpb()).isEqualTo(Ppb.of(1_801_414));
            assertThat(books.remainingPpb()).isEqualTo(Ppb.of(698_586));
            assertThat(books.status()).isEqualTo(RegimeStatus.WITHIN_CAP);
            RegimeBooks.Company solo = books.company(CompanyId.of("solo")).orElseThrow();
            assertThat(solo.allocatedPpb()).isEqualTo(Ppb.of(1_301_414));
            assertThat(solo.netTransferredPpb()).isEqualTo(Ppb.of(500_000));
            assertThat(solo.availablePpb()).isEqualTo(Ppb.ZERO);
            assertThat(solo.status()).isEqualTo(CompanyStatus.ACTIVE);
        }

        @Test
        void theAttestedHeadIsAcceptedWhenItMatches() {
            List<String> lines = export(ESSAY);
            String lastHash = LedgerJson.mapper().readTree(lines.get(lines.size() - 1)).get("hash").asString();

            assertThat(verify(lines, new ChainHead(lines.size(), lastHash)).isClean()).isTrue();
        }
    }

    @Nested
    class CommandLine {

        @TempDir
        Path folder;

        @Test
        void aCleanLogExitsZeroWithAStatement() throws IOException {
            Path log = write(export(ESSAY));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int status = AuditLogVerifier.run(new String[] {log.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(status).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Chain: VALID through sequence 14")
                    .contains("spent 4233072").contains("frontier-a").contains("Result: VERIFIED");
        }

        @Test
        void aFindingExitsOneNamingTheSequence() throws IOException {
            List<String> lines = new ArrayList<>(export(ESSAY));
            lines.remove(6);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int status = AuditLogVerifier.run(new String[] {write(lines).toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(status).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Chain: BROKEN at sequence 7");
        }

        @Test
        void aMissingFileOrBadArgumentsExitTwo() {
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            assertThat(AuditLogVerifier.run(new String[] {folder.resolve("absent.jsonl").toString()}, out)).isEqualTo(2);
            assertThat(AuditLogVerifier.run(new String[] {}, out)).isEqualTo(2);
            assertThat(AuditLogVerifier.run(new String[] {"x", "--head", "not-a-head"}, out)).isEqualTo(2);
        }

        private Path write(List<String> lines) throws IOException {
            return Files.write(folder.resolve("log.jsonl"), lines, StandardCharsets.UTF_8);
        }
    }

    /** A tampering of an export and the sequence at which the verifier must name the first problem. */
    record Tampering(String description, List<String> lines, long expectedSequence) {

        @Override
        public String toString() {
            return description;
        }
    }

    @Property(tries = 400)
    void everyTamperingIsCaughtAtTheRightSequence(@ForAll("tamperings") Tampering tampering) {
        List<String> original = export(ESSAY);
        String lastHash = LedgerJson.mapper().readTree(original.get(original.size() - 1)).get("hash").asString();

        AuditLogVerifier.Verdict verdict = verify(tampering.lines(), new ChainHead(original.size(), lastHash));

        assertThat(verdict.isClean()).as(tampering.description()).isFalse();
        assertThat(verdict.firstFindingSequence()).as(tampering.description()).isEqualTo(tampering.expectedSequence());
    }

    @Provide
    Arbitrary<Tampering> tamperings() {
        List<String> lines = export(ESSAY);
        int count = lines.size();
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        Arbitrary<Tampering> changedByte = Combinators.combine(Arbitraries.integers().between(0, bytes.length - 1),
                Arbitraries.integers().between(1, 255)).as((position, delta) -> {
                    byte[] tampered = bytes.clone();
                    tampered[position] = (byte) (tampered[position] + delta);
                    long line = lineOf(bytes, position);
                    return new Tampering("byte " + position + " of line " + line + " changed",
                            List.of(new String(tampered, StandardCharsets.UTF_8).split("\n", -1)), line);
                });
        Arbitrary<Tampering> droppedLine = Arbitraries.integers().between(0, count - 1).map(index -> {
            List<String> tampered = new ArrayList<>(lines);
            tampered.remove((int) index);
            return new Tampering("line " + (index + 1) + " dropped", tampered, index + 1);
        });
        Arbitrary<Tampering> swappedLines = Arbitraries.integers().between(0, count - 1).tuple2()
                .filter(pair -> !pair.get1().equals(pair.get2())).map(pair -> {
                    int first = Math.min(pair.get1(), pair.get2());
                    int second = Math.max(pair.get1(), pair.get2());
                    List<String> tampered = new ArrayList<>(lines);
                    tampered.set(first, lines.get(second));
                    tampered.set(second, lines.get(first));
                    return new Tampering("lines " + (first + 1) + " and " + (second + 1) + " swapped", tampered,
                            first + 1);
                });
        Arbitrary<Tampering> forgedEvent = Arbitraries.longs().between(1, 1_000_000).map(amount -> {
            List<String> tampered = new ArrayList<>(lines);
            tampered.add(forgedAllocation(lines.get(count - 1), amount));
            return new Tampering("a forged allocation of " + amount + " appended", tampered, count + 1);
        });
        return Arbitraries.oneOf(changedByte, droppedLine, swappedLines, forgedEvent);
    }

    /**
     * A forger who knows the format: the next sequence, the right previous hash and a correctly computed hash. Only
     * the attested head can tell this event from a real one.
     */
    private static String forgedAllocation(String lastLine, long amountPpb) {
        ObjectNode last = (ObjectNode) LedgerJson.mapper().readTree(lastLine);
        ObjectNode forged = LedgerJson.mapper().createObjectNode();
        forged.put("type", "BudgetAllocated");
        forged.put("regimeId", last.get("regimeId").asString());
        forged.put("sequence", last.get("sequence").asLong() + 1);
        forged.put("occurredAt", "2027-01-01T00:00:00Z");
        forged.set("actor", LedgerJson.mapper().createObjectNode().put("role", "REGULATOR").put("subject", "forger"));
        forged.put("companyId", "frontier-b");
        forged.put("amountPpb", amountPpb);
        forged.put(EventChain.PREVIOUS_HASH, last.get(EventChain.HASH).asString());
        forged.put(EventChain.HASH, EventChain.hashOf(forged));
        return forged.toString();
    }

    private static long lineOf(byte[] bytes, int position) {
        long line = 1;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static AuditLogVerifier.Verdict verify(List<String> lines, ChainHead head) {
        return AuditLogVerifier.verify(new StringReader(String.join("\n", lines)), head);
    }

    private static List<String> export(String name) {
        try (InputStream in = AuditLogVerifierTest.class.getResourceAsStream("/audit/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
