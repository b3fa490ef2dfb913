package org.riskbudget.contracts.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Likelihood ratios are exact, strictly positive, and parsed only from plain decimal strings. */
class LikelihoodRatioTest {

    @ParameterizedTest(name = "\"{0}\" parses and prints as \"{1}\"")
    @CsvSource({
        "13,                     13",
        "13.0,                   13",
        "0.2,                    0.2",
        "0.20,                   0.2",
        "1,                      1",
        "100,                    100",
        "1000000,                1000000",
        "1234567890123,          1234567890123",          // 13 integer digits is the most accepted
        "0.000000000000000001,   0.000000000000000001",   // 18 fraction digits likewise
    })
    void plainDecimalStringsParseExactly(String text, String printed) {
        LikelihoodRatio ratio = LikelihoodRatio.of(text);
        assertThat(ratio.text()).isEqualTo(printed);
        assertThat(ratio.value()).isEqualByComparingTo(new BigDecimal(text));
    }

    @Test
    void equalValuesAreEqualWhateverTheirSpelling() {
        assertThat(LikelihoodRatio.of("1.000")).isEqualTo(LikelihoodRatio.NEUTRAL);
        assertThat(LikelihoodRatio.of("100")).isEqualTo(new LikelihoodRatio(new BigDecimal("1E+2")));
        // 1E+2 must still print plainly.
        assertThat(new LikelihoodRatio(new BigDecimal("1E+2")).text()).isEqualTo("100");
    }

    @Test
    void exceedsComparesValues() {
        assertThat(LikelihoodRatio.of("20.5").exceeds(LikelihoodRatio.of("20"))).isTrue();
        assertThat(LikelihoodRatio.of("20.0").exceeds(LikelihoodRatio.of("20"))).isFalse();
        assertThat(LikelihoodRatio.of("0.2").exceeds(LikelihoodRatio.NEUTRAL)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {
        "0", "0.0", "0.000000000000000000",   // zero is no evidence at all, and would divide by zero
        "-1", "-0.2", "+2",
        "1e3", "1E3", ".5", "5.", " 2", "2 ", "0x10", "NaN", "Infinity", "",
        "12345678901234",                      // 14 integer digits
        "0.0000000000000000001",               // 19 fraction digits
    })
    void zeroNegativeAndNonPlainRatiosAreRefused(String text) {
        assertThatThrownBy(() -> LikelihoodRatio.of(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("likelihoodRatio");
    }

    @Test
    void constructorRefusesNonPositiveValues() {
        assertThatThrownBy(() -> new LikelihoodRatio(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LikelihoodRatio(new BigDecimal("-3"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LikelihoodRatio(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
