package org.riskbudget.contracts.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.riskbudget.contracts.json.LedgerJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The canonical form the audit chain hashes: RFC 8785 (JCS) over the values events contain. */
class CanonicalJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static String canonical(String json) {
        return CanonicalJson.write(LedgerJson.mapper().readTree(json));
    }

    private static String canonicalString(String value) {
        return CanonicalJson.write(NODES.stringNode(value));
    }

    @Nested
    class Ordering {

        @Test
        void membersAreSortedByNameAtEveryDepth() {
            assertThat(canonical("""
                    {"b": {"d": 1, "c": [{"z": 1, "y": {"q": 2, "p": 3}}]}, "a": 2}
                    """))
                    .isEqualTo("{\"a\":2,\"b\":{\"c\":[{\"y\":{\"p\":3,\"q\":2},\"z\":1}],\"d\":1}}");
        }

        @Test
        void namesAreComparedByUtf16CodeUnitsNotByCodePoints() {
            // RFC 8785 section 3.2.3's example: U+1F600 (surrogates D83D DE00) sorts before U+FB33 by code units,
            // although it comes after it by code point.
            String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                    + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                    + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
            assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                    + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                    + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
        }

        @Test
        void upperCaseSortsBeforeLowerCaseAndPrefixesFirst() {
            assertThat(canonical("{\"b\":1,\"aa\":2,\"a\":3,\"B\":4,\"_\":5}"))
                    .isEqualTo("{\"B\":4,\"_\":5,\"a\":3,\"aa\":2,\"b\":1}");
        }

        @Test
        void arraysKeepTheirOrder() {
            assertThat(canonical("[3, 1, 2, \"b\", \"a\"]")).isEqualTo("[3,1,2,\"b\",\"a\"]");
        }

        @Test
        void theSameContentGivesTheSameTextWhateverTheInputOrderAndWhitespace() {
            assertThat(canonical("{ \"x\" : [ 1 , { \"m\" : true , \"l\" : false } ] ,\n\t\"w\" : \"v\" }"))
                    .isEqualTo(canonical("{\"w\":\"v\",\"x\":[1,{\"l\":false,\"m\":true}]}"))
                    .isEqualTo("{\"w\":\"v\",\"x\":[1,{\"l\":false,\"m\":true}]}");
        }
    }

    @Nested
    class Nulls {

        @Test
        void nullMembersAreOmittedAtEveryDepth() {
            assertThat(canonical("{\"a\":null,\"b\":{\"c\":null,\"d\":1}}")).isEqualTo("{\"b\":{\"d\":1}}");
        }

        @Test
        void nullsInsideArraysAreKept() {
            assertThat(canonical("{\"a\":[null,1,null]}")).isEqualTo("{\"a\":[null,1,null]}");
        }

        @Test
        void anObjectOfOnlyNullsIsEmpty() {
            assertThat(canonical("{\"a\":null}")).isEqualTo("{}");
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest(name = "{0} is written as {1}")
        @CsvSource({
            "0,                                0",
            "-0,                               0",
            "42,                               42",
            "-7,                               -7",
            "2500000,                          2500000",
            "9223372036854775807,              9223372036854775807",
            "-9223372036854775808,             -9223372036854775808",
            "9223372036854775808,              9223372036854775808",
            "123456789012345678901234567890,   123456789012345678901234567890",
            "-123456789012345678901234567890,  -123456789012345678901234567890",
        })
        void integersAreWrittenInPlainDecimalIncludingBeyondLong(String input, String expected) {
            assertThat(canonical("{\"n\":" + input + "}")).isEqualTo("{\"n\":" + expected + "}");
        }

        @Test
        void aBigIntegerNodeIsWrittenPlainly() {
            ObjectNode node = NODES.objectNode();
            node.set("n", NODES.numberNode(BigInteger.TWO.pow(100)));
            assertThat(CanonicalJson.write(node)).isEqualTo("{\"n\":1267650600228229401496703205376}");
        }

        @ParameterizedTest(name = "{0} is refused")
        @ValueSource(strings = {"1.5", "1.0", "0.03", "1e2", "-2.5E-3"})
        void fractionalNumbersAreRefused(String number) {
            assertThatThrownBy(() -> canonical("{\"n\":" + number + "}"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void decimalNodesAreRefusedEvenWhenIntegral() {
            ObjectNode node = NODES.objectNode();
            node.set("n", NODES.numberNode(new BigDecimal("2")));
            assertThatThrownBy(() -> CanonicalJson.write(node)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void booleansAreWrittenAsLiterals() {
            assertThat(canonical("[true,false]")).isEqualTo("[true,false]");
        }
    }

    @Nested
    class Strings {

        @Test
        void theSevenShortEscapesAreUsed() {
            assertThat(canonicalString("\b\t\n\f\r\"\\"))
                    .isEqualTo("\"" + "\\b" + "\\t" + "\\n" + "\\f" + "\\r" + "\\\"" + "\\\\" + "\"");
        }

        @ParameterizedTest(name = "control U+{0} is escaped as lower-case \\u{0}")
        @CsvSource({"0000", "0001", "0007", "000b", "000e", "001a", "001b", "001f"})
        void otherControlsAreEscapedAsLowerCaseHex(String hex) {
            char control = (char) Integer.parseInt(hex, 16);
            assertThat(canonicalString("a" + control + "b")).isEqualTo("\"a" + "\\" + "u" + hex + "b\"");
        }

        @Test
        void everythingElseIsWrittenRaw() {
            // Solidus, DEL, C1 controls, non-ASCII letters, symbols and astral characters are not escaped.
            String raw = "/\u007f\u0080\u00e9\u20ac\u2028\ud83d\ude00";
            assertThat(canonicalString(raw)).isEqualTo("\"" + raw + "\"");
        }

        @Test
        void memberNamesAreEscapedLikeValues() {
            ObjectNode node = NODES.objectNode();
            node.put("a\nb", "c\u0001");
            assertThat(CanonicalJson.write(node)).isEqualTo("{\"a\\nb\":\"c\\u0001\"}");
        }

        @Test
        void theCanonicalFormReadsBackToTheSameTree() {
            JsonNode original = LedgerJson.mapper().readTree(
                    "{\"s\":\"\\u0000\\u001f\\b\\t\\n\\f\\r\\\"\\\\/é€😀\",\"n\":[null,-1,12345678901234567890123]}");
            String canonical = CanonicalJson.write(original);
            assertThat(LedgerJson.mapper().readTree(canonical)).isEqualTo(original);
            assertThat(canonical).doesNotContain(" ");
        }
    }
}
