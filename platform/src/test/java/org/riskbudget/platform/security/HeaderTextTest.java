package org.riskbudget.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The firewall's header rule in a loop accepts exactly what Spring Security's own pattern accepts. */
class HeaderTextTest {

    /** StrictHttpFirewall's default for header names and values. */
    private static final Pattern SPRING_SECURITY = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Property(tries = 5000)
    void acceptsExactlyWhatTheFirewallsPatternAccepts(@ForAll("headerText") String text) {
        assertThat(HeaderText.isAllowed(text)).isEqualTo(SPRING_SECURITY.matcher(text).matches());
    }

    @Test
    void refusesControlAndUnassignedCharactersAndAcceptsTheRest() {
        assertThat(HeaderText.isAllowed("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
        assertThat(HeaderText.isAllowed("")).isTrue();
        assertThat(HeaderText.isAllowed("ключ-🙂")).isTrue();
        assertThat(HeaderText.isAllowed("a\tb")).isFalse();
        assertThat(HeaderText.isAllowed("emoji-\u00f0\u009f\u0099\u0082")).as("UTF-8 read as ISO-8859-1").isFalse();
        assertThat(HeaderText.isAllowed("x\u0378")).as("unassigned").isFalse();
        assertThat(HeaderText.isAllowed("lone \ud83d surrogate")).isEqualTo(SPRING_SECURITY.matcher("lone \ud83d surrogate").matches());
    }

    @Provide
    Arbitrary<String> headerText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("a\u0378\ud83d\ude42\ud83d\u009f\u007f\u0085 ").ofMaxLength(12));
    }
}
