package org.riskbudget.ledger.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.json.LedgerJson;

/** The compact set of settled transfer ids answers exactly as a set of strings would, also after a snapshot. */
class IdSetTest {

    @Property(tries = 300)
    void answersAsASetOfStringsWouldAndReadsBackFromItsText(@ForAll("ids") List<String> added,
            @ForAll("ids") List<String> asked) {
        IdSet ids = new IdSet();
        Set<String> expected = new HashSet<>();
        for (String id : added) {
            assertThat(ids.add(id)).as("add %s", id).isEqualTo(expected.add(id));
        }
        IdSet readBack = IdSet.ofText(ids.text());

        for (IdSet set : List.of(ids, readBack)) {
            assertThat(set.size()).isEqualTo(expected.size());
            for (String id : added) {
                assertThat(set.contains(id)).as("contains added %s", id).isTrue();
            }
            for (String id : asked) {
                assertThat(set.contains(id)).as("contains %s", id).isEqualTo(expected.contains(id));
            }
        }
    }

    @Test
    void anIdIsNotFoundByItsPrefixOrByAnIdItPrefixes() {
        IdSet ids = new IdSet();
        ids.add("t-10");

        assertThat(ids.contains("t-1")).isFalse();
        assertThat(ids.contains("t-100")).isFalse();
        assertThat(ids.contains("t-10")).isTrue();
    }

    @Test
    void aSnapshotHoldsTheIdsAsOneText() {
        IdSet ids = new IdSet();
        ids.add("t-1");
        ids.add("t-2");

        String json = LedgerJson.mapper().writeValueAsString(ids);
        IdSet readBack = LedgerJson.mapper().readValue(json, IdSet.class);

        assertThat(json).isEqualTo("\"t-1 t-2 \"");
        assertThat(readBack.contains("t-2")).isTrue();
        assertThat(readBack.contains("t-3")).isFalse();
    }

    /** Short ids from a small alphabet, so that lists repeat ids and share prefixes; enough of them to rehash. */
    @Provide
    Arbitrary<List<String>> ids() {
        return Arbitraries.strings().withChars("ab.-_9").ofMinLength(1).ofMaxLength(4).map(tail -> "t" + tail)
                .list().ofMaxSize(200);
    }
}
