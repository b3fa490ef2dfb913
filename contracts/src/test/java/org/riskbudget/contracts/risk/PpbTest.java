package org.riskbudget.contracts.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ppb is exact, signed and overflow-checked; voluntary amounts and probabilities have their own ranges. */
class PpbTest {

    @Nested
    class Amounts {

        @ParameterizedTest(name = "{0} ppb is a valid amount")
        @ValueSource(longs = {1, 2_500_000, 999_999_999, 1_000_000_000})
        void amountsFromOneToProbabilityOneAreAccepted(long value) {
            assertThat(Ppb.requireAmount("amountPpb", Ppb.of(value))).isEqualTo(Ppb.of(value));
        }

        @ParameterizedTest(name = "{0} ppb is refused as an amount")
        @ValueSource(longs = {0, -1, -2_500_000, 1_000_000_001, Long.MAX_VALUE, Long.MIN_VALUE})
        void zeroNegativeAndAboveProbabilityOneAmountsAreRefusedNamingTheField(long value) {
            assertThatThrownBy(() -> Ppb.requireAmount("amountPpb", Ppb.of(value)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("amountPpb");
        }

        @Test
        void aMissingAmountIsRefusedNamingTheField() {
            assertThatThrownBy(() -> Ppb.requireAmount("capPpb", null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("capPpb is required");
        }
    }

    @Nested
    class Probabilities {

        @ParameterizedTest(name = "{0} ppb is a valid probability")
        @ValueSource(longs = {0, 1, 1_000_000_000})
        void zeroToOneBillionIsAProbability(long value) {
            assertThat(Ppb.requireProbability("security.riskPpb", Ppb.of(value))).isEqualTo(Ppb.of(value));
        }

        @ParameterizedTest(name = "{0} ppb is not a probability")
        @ValueSource(longs = {-1, 1_000_000_001})
        void outsideZeroToOneBillionIsRefused(long value) {
            assertThatThrownBy(() -> Ppb.requireProbability("security.riskPpb", Ppb.of(value)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("security.riskPpb");
        }
    }

    @Nested
    class Arithmetic {

        @Test
        void plusAndMinusAreExact() {
            assertThat(Ppb.of(1_000_000).plus(Ppb.of(750_000))).isEqualTo(Ppb.of(1_750_000));
            assertThat(Ppb.of(1_000_000).minus(Ppb.of(4_001_092))).isEqualTo(Ppb.of(-3_001_092));
            assertThat(Ppb.of(5).negate()).isEqualTo(Ppb.of(-5));
        }

        @Test
        void plusOverflowThrowsInsteadOfWrapping() {
            assertThatThrownBy(() -> Ppb.of(Long.MAX_VALUE).plus(Ppb.of(1))).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> Ppb.of(Long.MIN_VALUE).plus(Ppb.of(-1))).isInstanceOf(ArithmeticException.class);
        }

        @Test
        void minusOverflowThrowsInsteadOfWrapping() {
            assertThatThrownBy(() -> Ppb.of(Long.MIN_VALUE).minus(Ppb.of(1))).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> Ppb.of(Long.MAX_VALUE).minus(Ppb.of(-1))).isInstanceOf(ArithmeticException.class);
        }

        @Test
        void negateOverflowThrows() {
            assertThatThrownBy(() -> Ppb.of(Long.MIN_VALUE).negate()).isInstanceOf(ArithmeticException.class);
        }

        @Test
        void signAndOrderComparisons() {
            assertThat(Ppb.of(-1).isNegative()).isTrue();
            assertThat(Ppb.ZERO.isNegative()).isFalse();
            assertThat(Ppb.ZERO.isPositive()).isFalse();
            assertThat(Ppb.of(1).isPositive()).isTrue();
            assertThat(Ppb.of(2).isGreaterThan(Ppb.of(1))).isTrue();
            assertThat(Ppb.of(1).isLessThan(Ppb.of(1))).isFalse();
            assertThat(Ppb.max(Ppb.of(-3), Ppb.of(2))).isEqualTo(Ppb.of(2));
            assertThat(Ppb.of(3)).isGreaterThan(Ppb.of(-3));
        }

        @Test
        void aQuarterPercentIsTwoAndAHalfMillionPpb() {
            assertThat(Ppb.ONE).isEqualTo(1_000_000_000L);
            assertThat(Ppb.of(Ppb.ONE / 400)).isEqualTo(Ppb.of(2_500_000));
        }
    }
}
