package org.riskbudget.contracts.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.event.BudgetAllocatedEvent;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.event.SafetyCaseSubmittedEvent;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.json.LedgerJson;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The tamper-evident chain: each event's hash covers everything in it but the hash, previous hash included. */
class EventChainTest {

    private static final RegimeId GLOBAL = RegimeId.of("global");
    private static final Actor REGULATOR = new Actor(Role.REGULATOR, "reg-1", null);
    private static final Instant AT = Instant.parse("2027-01-01T12:00:00Z");

    private static BudgetAllocatedEvent draft() {
        return new BudgetAllocatedEvent(GLOBAL, 2, AT, REGULATOR, CompanyId.of("frontier-a"), Ppb.of(1_000_000),
                EventChain.genesis(GLOBAL), null);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static ObjectNode tree(LedgerEvent event) {
        return LedgerJson.mapper().valueToTree(event);
    }

    @Nested
    class Genesis {

        @Test
        void genesisIsTheSha256OfThePrefixedRegimeId() throws Exception {
            assertThat(EventChain.genesis(GLOBAL)).isEqualTo(sha256("risk-budget-ledger:genesis:global"));
        }

        @Test
        void genesisDiffersPerRegime() {
            assertThat(EventChain.genesis(GLOBAL))
                    .isNotEqualTo(EventChain.genesis(RegimeId.of("unilateral")))
                    .isNotEqualTo(EventChain.genesis(RegimeId.of("Global")))
                    .matches("[0-9a-f]{64}");
            assertThat(EventChain.genesis(GLOBAL)).isEqualTo(EventChain.genesis(RegimeId.of("global")));
        }
    }

    @Nested
    class HashOf {

        @Test
        void theHashIsTheSha256OfTheCanonicalForm() throws Exception {
            JsonNode json = LedgerJson.mapper().readTree("{\"b\": 1, \"a\": \"x\"}");
            assertThat(EventChain.hashOf(json)).isEqualTo(sha256("{\"a\":\"x\",\"b\":1}"));
            // A fixed vector, independent of any code here: sha256("{}").
            assertThat(EventChain.hashOf(JsonNodeFactory.instance.objectNode()))
                    .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        }

        @Test
        void theHashMemberIsIgnored() {
            ObjectNode without = tree(draft());
            ObjectNode with = without.deepCopy();
            with.put("hash", "0".repeat(64));
            ObjectNode withOther = without.deepCopy();
            withOther.put("hash", "anything at all");

            assertThat(EventChain.hashOf(with))
                    .isEqualTo(EventChain.hashOf(without))
                    .isEqualTo(EventChain.hashOf(withOther));
            assertThat(with.get("hash").stringValue()).as("hashOf does not modify its argument").isEqualTo("0".repeat(64));
        }

        @Test
        void changingAnyOtherMemberChangesTheHash() {
            ObjectNode original = tree(EventChain.seal(draft()));
            String originalHash = EventChain.hashOf(original);
            List<String> names = new ArrayList<>();
            original.propertyNames().forEach(names::add);
            assertThat(names).contains("type", "regimeId", "sequence", "occurredAt", "actor", "companyId", "amountPpb",
                    "previousHash", "hash");

            for (String name : names) {
                if (name.equals("hash")) {
                    continue;
                }
                ObjectNode altered = original.deepCopy();
                altered.put(name, "altered");
                assertThat(EventChain.hashOf(altered)).as("changing %s", name).isNotEqualTo(originalHash);

                ObjectNode removed = original.deepCopy();
                removed.remove(name);
                assertThat(EventChain.hashOf(removed)).as("removing %s", name).isNotEqualTo(originalHash);
            }
        }

        @Test
        void changingANestedMemberOrAddingOneChangesTheHash() {
            ObjectNode original = tree(EventChain.seal(draft()));
            String originalHash = EventChain.hashOf(original);

            ObjectNode nested = original.deepCopy();
            ((ObjectNode) nested.get("actor")).put("subject", "reg-2");
            assertThat(EventChain.hashOf(nested)).isNotEqualTo(originalHash);

            ObjectNode added = original.deepCopy();
            added.put("note", "slipped in");
            assertThat(EventChain.hashOf(added)).isNotEqualTo(originalHash);

            ObjectNode oneMore = original.deepCopy();
            oneMore.put("amountPpb", 1_000_001);
            assertThat(EventChain.hashOf(oneMore)).isNotEqualTo(originalHash);
        }

        @Test
        void anAddedNullMemberLeavesTheHashUnchanged() {
            // Designed: a field added in a later revision, absent (null) in older events, keeps their hashes.
            ObjectNode original = tree(draft());
            ObjectNode withNull = original.deepCopy();
            withNull.putNull("addedLater");
            assertThat(EventChain.hashOf(withNull)).isEqualTo(EventChain.hashOf(original));
        }

        @Test
        void onlyObjectsAreEvents() {
            assertThatThrownBy(() -> EventChain.hashOf(LedgerJson.mapper().readTree("[1]")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        /** A lone surrogate has no UTF-8 form; it must never hash like another character. */
        @ParameterizedTest(name = "lone surrogate U+{0} is refused or hashes differently from \"?\"")
        @ValueSource(strings = {"d800", "dc00"})
        void aLoneSurrogateIsNotConfusedWithAnotherCharacter(String hex) {
            ObjectNode original = tree(EventChain.seal(draft()));
            original.put("note", "a?b");
            ObjectNode tampered = original.deepCopy();
            tampered.put("note", "a" + (char) Integer.parseInt(hex, 16) + "b");

            String tamperedHash;
            try {
                tamperedHash = EventChain.hashOf(tampered);
            } catch (IllegalArgumentException refused) {
                return; // refusing non-I-JSON input is a correct answer too
            }
            assertThat(tamperedHash).isNotEqualTo(EventChain.hashOf(original));
        }
    }

    @Nested
    class Seal {

        @Test
        void sealingFillsInOnlyTheHash() {
            BudgetAllocatedEvent draft = draft();
            BudgetAllocatedEvent sealed = EventChain.seal(draft);

            assertThat(sealed.hash()).matches("[0-9a-f]{64}");
            assertThat(sealed).isEqualTo(new BudgetAllocatedEvent(draft.regimeId(), draft.sequence(),
                    draft.occurredAt(), draft.actor(), draft.companyId(), draft.amountPpb(), draft.previousHash(),
                    sealed.hash()));
            assertThat(sealed.previousHash()).isEqualTo(EventChain.genesis(GLOBAL));
        }

        @Test
        void theSealedHashIsTheHashOfTheEventsJsonWithoutIt() {
            BudgetAllocatedEvent sealed = EventChain.seal(draft());
            assertThat(sealed.hash()).isEqualTo(EventChain.hashOf(tree(draft())));
            assertThat(tree(draft()).has("hash")).as("a draft's null hash is not written").isFalse();
        }

        @Test
        void sealingASealedEventAgainKeepsItsHash() {
            BudgetAllocatedEvent sealed = EventChain.seal(draft());
            assertThat(EventChain.seal(sealed)).isEqualTo(sealed);
        }

        @Test
        void sealingIsDeterministic() {
            assertThat(EventChain.seal(draft())).isEqualTo(EventChain.seal(draft()));
        }

        @Test
        void aSealedEventIsIntactAndADraftIsNot() {
            assertThat(EventChain.isIntact(EventChain.seal(draft()))).isTrue();
            assertThat(EventChain.isIntact(draft())).isFalse();
        }

        @Test
        void sealingKeepsNanosecondInstants() {
            Instant precise = Instant.parse("2027-01-01T12:00:00.123456789Z");
            BudgetAllocatedEvent draft = new BudgetAllocatedEvent(GLOBAL, 2, precise, REGULATOR,
                    CompanyId.of("frontier-a"), Ppb.of(1_000_000), EventChain.genesis(GLOBAL), null);
            BudgetAllocatedEvent sealed = EventChain.seal(draft);
            assertThat(sealed.occurredAt()).isEqualTo(precise);
            assertThat(EventChain.isIntact(sealed)).isTrue();
        }

        @Test
        void eventsChainThroughTheirPreviousHash() {
            BudgetAllocatedEvent first = EventChain.seal(draft());
            BudgetAllocatedEvent second = EventChain.seal(new BudgetAllocatedEvent(GLOBAL, 3, AT.plusSeconds(1),
                    REGULATOR, CompanyId.of("frontier-b"), Ppb.of(750_000), first.hash(), null));
            assertThat(EventChain.isIntact(second)).isTrue();
            assertThat(second.previousHash()).isEqualTo(first.hash());
            assertThat(second.hash()).isNotEqualTo(first.hash());
        }

        @Test
        void theSameEventInAnotherRegimesChainHashesDifferently() {
            RegimeId other = RegimeId.of("other");
            BudgetAllocatedEvent elsewhere = EventChain.seal(new BudgetAllocatedEvent(other, 2, AT, REGULATOR,
                    CompanyId.of("frontier-a"), Ppb.of(1_000_000), EventChain.genesis(other), null));
            assertThat(elsewhere.hash()).isNotEqualTo(EventChain.seal(draft()).hash());
        }

        @Test
        void aRichEventSealsAndStaysIntact() {
            SafetyCaseSubmittedEvent sealed = EventChain.seal(submittedDraft());
            assertThat(EventChain.isIntact(sealed)).isTrue();
            assertThat(sealed).isEqualTo(withHash(submittedDraft(), sealed.hash()));
        }
    }

    @Nested
    class Tampering {

        private final BudgetAllocatedEvent sealed = EventChain.seal(draft());

        private void assertNotIntact(String what, UnaryOperator<BudgetAllocatedEvent> alteration) {
            BudgetAllocatedEvent altered = alteration.apply(sealed);
            assertThat(altered).as(what).isNotEqualTo(sealed);
            assertThat(altered.hash()).as(what + " keeps the old hash").isEqualTo(sealed.hash());
            assertThat(EventChain.isIntact(altered)).as(what).isFalse();
        }

        @Test
        void anyAlteredCopyIsNotIntact() {
            assertNotIntact("amount", e -> new BudgetAllocatedEvent(e.regimeId(), e.sequence(), e.occurredAt(),
                    e.actor(), e.companyId(), Ppb.of(1_000_001), e.previousHash(), e.hash()));
            assertNotIntact("company", e -> new BudgetAllocatedEvent(e.regimeId(), e.sequence(), e.occurredAt(),
                    e.actor(), CompanyId.of("frontier-b"), e.amountPpb(), e.previousHash(), e.hash()));
            assertNotIntact("sequence", e -> new BudgetAllocatedEvent(e.regimeId(), 3, e.occurredAt(),
                    e.actor(), e.companyId(), e.amountPpb(), e.previousHash(), e.hash()));
            assertNotIntact("time", e -> new BudgetAllocatedEvent(e.regimeId(), e.sequence(),
                    e.occurredAt().plusNanos(1), e.actor(), e.companyId(), e.amountPpb(), e.previousHash(), e.hash()));
            assertNotIntact("actor", e -> new BudgetAllocatedEvent(e.regimeId(), e.sequence(), e.occurredAt(),
                    new Actor(Role.AUDITOR, "reg-1", null), e.companyId(), e.amountPpb(), e.previousHash(), e.hash()));
            assertNotIntact("regime", e -> new BudgetAllocatedEvent(RegimeId.of("other"), e.sequence(),
                    e.occurredAt(), e.actor(), e.companyId(), e.amountPpb(), e.previousHash(), e.hash()));
            assertNotIntact("previous hash", e -> new BudgetAllocatedEvent(e.regimeId(), e.sequence(),
                    e.occurredAt(), e.actor(), e.companyId(), e.amountPpb(), EventChain.genesis(RegimeId.of("other")),
                    e.hash()));
        }

        @Test
        void aForgedHashIsNotIntact() {
            String flipped = (sealed.hash().charAt(0) == '0' ? "1" : "0") + sealed.hash().substring(1);
            BudgetAllocatedEvent forged = new BudgetAllocatedEvent(sealed.regimeId(), sealed.sequence(),
                    sealed.occurredAt(), sealed.actor(), sealed.companyId(), sealed.amountPpb(), sealed.previousHash(),
                    flipped);
            assertThat(EventChain.isIntact(forged)).isFalse();
            BudgetAllocatedEvent upperCase = new BudgetAllocatedEvent(sealed.regimeId(), sealed.sequence(),
                    sealed.occurredAt(), sealed.actor(), sealed.companyId(), sealed.amountPpb(), sealed.previousHash(),
                    sealed.hash().toUpperCase());
            assertThat(EventChain.isIntact(upperCase)).isFalse();
        }

        @Test
        void anAlteredRichEventIsNotIntact() {
            SafetyCaseSubmittedEvent sealedCase = EventChain.seal(submittedDraft());
            SafetyCaseSubmittedEvent lowerRisk = new SafetyCaseSubmittedEvent(sealedCase.regimeId(),
                    sealedCase.sequence(), sealedCase.occurredAt(), sealedCase.actor(), sealedCase.caseId(),
                    sealedCase.companyId(), sealedCase.system(), sealedCase.capabilityTier(), sealedCase.window(),
                    sealedCase.assessments(), sealedCase.dependsOn(), Ppb.of(922_598), sealedCase.riskBreakdown(),
                    sealedCase.previousHash(), sealedCase.hash());
            assertThat(EventChain.isIntact(lowerRisk)).isFalse();
        }
    }

    @Nested
    class WireForm {

        @Test
        void anEventIsWrittenWithItsTypeName() {
            String json = LedgerJson.mapper().writeValueAsString(EventChain.seal(draft()));
            assertThat(json)
                    .contains("\"type\":\"BudgetAllocated\"")
                    .contains("\"amountPpb\":1000000")
                    .contains("\"occurredAt\":\"2027-01-01T12:00:00Z\"")
                    .contains("\"regimeId\":\"global\"")
                    .doesNotContain("null");
        }

        @Test
        void anEventRoundTripsThroughTheLedgerEventTypeAndStaysIntact() {
            BudgetAllocatedEvent sealed = EventChain.seal(draft());
            String json = LedgerJson.mapper().writeValueAsString(sealed);

            LedgerEvent read = LedgerJson.mapper().readValue(json, LedgerEvent.class);
            assertThat(read).isInstanceOf(BudgetAllocatedEvent.class).isEqualTo(sealed);
            assertThat(EventChain.isIntact(read)).isTrue();
        }

        @Test
        void aRichEventRoundTripsThroughTheLedgerEventType() {
            SafetyCaseSubmittedEvent sealed = EventChain.seal(submittedDraft());
            String json = LedgerJson.mapper().writeValueAsString(sealed);
            assertThat(json).contains("\"type\":\"SafetyCaseSubmitted\"").contains("\"priorProbability\":\"0.03\"");

            LedgerEvent read = LedgerJson.mapper().readValue(json, LedgerEvent.class);
            assertThat(read).isEqualTo(sealed);
            assertThat(EventChain.isIntact(read)).isTrue();
        }

        @Test
        void anUnknownTypeNameIsRefused() {
            String json = LedgerJson.mapper().writeValueAsString(EventChain.seal(draft()))
                    .replace("\"type\":\"BudgetAllocated\"", "\"type\":\"BudgetAllocatedX\"");
            assertThatThrownBy(() -> LedgerJson.mapper().readValue(json, LedgerEvent.class))
                    .isInstanceOf(JacksonException.class);
        }

        @Test
        void theAuditLogLineVerifiesFromItsTextAlone() {
            // An independent verifier reads the JSON line as a tree and recomputes the hash from it.
            BudgetAllocatedEvent sealed = EventChain.seal(draft());
            JsonNode line = LedgerJson.mapper().readTree(LedgerJson.mapper().writeValueAsString(sealed));
            assertThat(EventChain.hashOf(line)).isEqualTo(line.get("hash").stringValue()).isEqualTo(sealed.hash());
        }
    }

    private static SafetyCaseSubmittedEvent submittedDraft() {
        Assessments assessments = new Assessments(
                new SecurityAssessment(SecurityLevel.SL4, Ppb.of(100_000)),
                new MisalignmentAssessment(Probability.of("0.030"), List.of(
                        new EvidenceItem(EvidenceKind.CONTROL, "control evaluation with trusted monitoring",
                                LikelihoodRatio.of("4")),
                        new EvidenceItem(EvidenceKind.BEHAVIOURAL, "honeypots and model organisms",
                                new LikelihoodRatio(new BigDecimal("10.0")))), null),
                new MisuseAssessment(Ppb.of(50_000)));
        return new SafetyCaseSubmittedEvent(GLOBAL, 12, AT, new Actor(Role.COMPANY, "a-bot", CompanyId.of("frontier-a")),
                CaseId.of("a-atlas-7"), CompanyId.of("frontier-a"), new AiSystem("atlas", "7"), CapabilityTier.AI_10X,
                new DeploymentWindow(Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z")),
                assessments, List.of(CaseId.of("earlier-1")), assessments.riskBreakdown().totalPpb(),
                assessments.riskBreakdown(), EventChain.genesis(GLOBAL), null);
    }

    private static SafetyCaseSubmittedEvent withHash(SafetyCaseSubmittedEvent e, String hash) {
        return new SafetyCaseSubmittedEvent(e.regimeId(), e.sequence(), e.occurredAt(), e.actor(), e.caseId(),
                e.companyId(), e.system(), e.capabilityTier(), e.window(), e.assessments(), e.dependsOn(), e.riskPpb(),
                e.riskBreakdown(), e.previousHash(), hash);
    }
}
