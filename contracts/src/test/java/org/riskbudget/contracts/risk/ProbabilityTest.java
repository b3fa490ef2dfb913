package org.riskbudget.contracts.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Probabilities are parsed exactly and strictly from plain decimal strings, and have one spelling per value. */
class ProbabilityTest {

    @ParameterizedTest(name = "\"{0}\" parses and prints as \"{1}\"")
    @CsvSource({
        "0.03,                   0.03",
        "0.030,                  0.03",
        "0.0300000,              0.03",
        "00.03,                  0.03",
        "0,                      0",
        "0.000,                  0",
        "1,                      1",
        "1.0,                    1",
        "0.0025,                 0.0025",
        // 18 fraction digits is the most accepted.
        "0.000000000000000001,   0.000000000000000001",
        "0.123456789012345678,   0.123456789012345678",
    })
    void plainDecimalStringsParseExactlyWithOneSpellingPerValue(String text, String printed) {
        Probability probability = Probability.of(text);
        assertThat(probability.text()).isEqualTo(printed);
        assertThat(probability.toString()).isEqualTo(printed);
        assertThat(probability.value()).isEqualByComparingTo(new BigDecimal(text));
    }

    @Test
    void trailingZerosDoNotMakeADifferentProbability() {
        assertThat(Probability.of("0.030")).isEqualTo(Probability.of("0.03"));
        assertThat(Probability.of("0.030")).hasSameHashCodeAs(Probability.of("0.03"));
        assertThat(new Probability(new BigDecimal("0.0300"))).isEqualTo(Probability.of("0.03"));
        assertThat(Probability.of("1.000")).isEqualTo(Probability.ONE);
        assertThat(Probability.of("0.0")).isEqualTo(Probability.ZERO);
    }

    @Test
    void probabilitiesAreOrderedByValue() {
        assertThat(Probability.of("0.03")).isGreaterThan(Probability.of("0.0025"));
        assertThat(Probability.of("0.030").compareTo(Probability.of("0.03"))).isZero();
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {
        "1.5", "1.000000000000000001", "2", // above one
        "-0.1", "-0", "+0.1",               // signs
        "1e-3", "3E-2", "1e0",              // exponents
        ".5", "5.", "0.", ".",              // incomplete
        " 0.1", "0.1 ", "0 .1", "\t0.1",    // whitespace
        "0x1", "0,5", "1/2", "50%",         // other notations
        "NaN", "Infinity", "-Infinity",
        "",
        "\u0660.\u0665",                    // Arabic-Indic digits
        "0.0000000000000000001",            // 19 fraction digits
        "00000000000000.5",                 // 14 integer digits
    })
    void anythingButPlainDigitsIsRefused(String text) {
        assertThatThrownBy(() -> Probability.of(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probability");
    }

    @Test
    void missingTextIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Probability.parse("misalignment.priorProbability", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("misalignment.priorProbability");
    }

    @Test
    void parseNamesTheFieldInItsRefusal() {
        assertThatThrownBy(() -> Probability.parse("target", "1.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("target");
    }

    @Test
    void constructorRefusesValuesOutsideZeroToOne() {
        assertThatThrownBy(() -> new Probability(new BigDecimal("-0.000001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Probability(new BigDecimal("1.000001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Probability(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
