package org.riskbudget.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The fast path accepts and refuses exactly what {@link Instant#parse} does, and reads the same instant. */
class IsoInstantsTest {

    @Property
    void readsEveryInstantTheLedgerWrites(@ForAll("writtenInstants") Instant instant) {
        assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
    }

    @Property(tries = 5000)
    void agreesWithInstantParseOnTextsShapedLikeAnInstant(@ForAll("instantShapedTexts") String text) {
        assertThat(outcome(() -> IsoInstants.parse(text))).isEqualTo(outcome(() -> Instant.parse(text)));
    }

    @Property(tries = 5000)
    void agreesWithInstantParseOnAnyTextOfItsCharacters(@ForAll("instantCharacters") String text) {
        assertThat(outcome(() -> IsoInstants.parse(text))).isEqualTo(outcome(() -> Instant.parse(text)));
    }

    @Provide
    Arbitrary<Instant> writtenInstants() {
        return Combinators.combine(Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()), Arbitraries.integers().between(0, 999_999_999)
                .edgeCases(edges -> edges.add(0).add(100_000_000).add(1000)))
                .as(Instant::ofEpochSecond);
    }

    /** The canonical layout, each field at most one past its range (month 13, hour 24, 31 February, …). */
    @Provide
    Arbitrary<String> instantShapedTexts() {
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11)
                .map(digits -> digits.isEmpty() ? "" : "." + digits);
        return Combinators.combine(Arbitraries.strings().numeric().ofLength(4), twoDigits(0, 13), twoDigits(0, 32),
                twoDigits(0, 24), twoDigits(0, 60), twoDigits(0, 60), fraction,
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("Z")),
                        Tuple.of(1, Arbitraries.of("z", "+00:00", "+01:00", ""))))
                .as((year, month, day, hour, minute, second, nanos, zone) -> year + "-" + month + "-" + day + "T"
                        + hour + ":" + minute + ":" + second + nanos + zone);
    }

    private static Arbitrary<String> twoDigits(int min, int max) {
        return Arbitraries.integers().between(min, max).map(value -> String.format(Locale.ROOT, "%02d", value));
    }

    @Provide
    Arbitrary<String> instantCharacters() {
        return Arbitraries.strings().withChars("0123456789-T:.Zzt+ ").ofMinLength(0).ofMaxLength(32);
    }

    /** The instant read, or that the text was refused. */
    private static Object outcome(Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (DateTimeParseException refused) {
            return "refused";
        }
    }
}
