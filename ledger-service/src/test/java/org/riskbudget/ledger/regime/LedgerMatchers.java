package org.riskbudget.ledger.regime;

import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.DiagnosingMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.policy.PolicyRule;

/** Hamcrest matchers for the fixture's expectations: refusals by code and rule, and events by type and fields. */
final class LedgerMatchers {

    private LedgerMatchers() {}

    /** A {@link LedgerException} with this code. */
    static Matcher<LedgerException> refusal(LedgerErrorCode code) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(LedgerException refusal, Description mismatch) {
                if (refusal.code() != code) {
                    mismatch.appendText("was refused with ").appendValue(refusal.code()).appendText(": ")
                            .appendText(refusal.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code ").appendValue(code);
            }
        };
    }

    /** A {@code POLICY_VIOLATION} naming this rule. */
    static Matcher<LedgerException> policyRefusal(PolicyRule rule) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(LedgerException refusal, Description mismatch) {
                if (refusal.code() != LedgerErrorCode.POLICY_VIOLATION || refusal.rule() != rule) {
                    mismatch.appendText("was refused with ").appendValue(refusal.code()).appendText(" naming rule ")
                            .appendValue(refusal.rule()).appendText(": ").appendText(refusal.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a POLICY_VIOLATION naming rule ").appendValue(rule);
            }
        };
    }

    /** Exactly these events, in this order, each payload matching its matcher. */
    @SafeVarargs
    static Matcher<List<EventMessage<?>>> events(Matcher<Object>... payloads) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events, Description mismatch) {
                if (events.size() != payloads.length) {
                    mismatch.appendText(events.size() + " events: ")
                            .appendValueList("[", ", ", "]", events.stream()
                                    .map(event -> event.getPayloadType().getSimpleName()).toList());
                    return false;
                }
                for (int i = 0; i < payloads.length; i++) {
                    Object payload = events.get(i).getPayload();
                    if (!payloads[i].matches(payload)) {
                        mismatch.appendText("event " + i + ": ");
                        payloads[i].describeMismatch(payload, mismatch);
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendList("exactly the events [", ", ", "]", List.of(payloads));
            }
        };
    }

    /** An event of this type whose fields pass {@code assertions} (AssertJ assertions on the event). */
    static <E> Matcher<Object> event(Class<E> type, Consumer<? super E> assertions) {
        return new DiagnosingMatcher<>() {
            @Override
            protected boolean matches(Object item, Description mismatch) {
                if (!type.isInstance(item)) {
                    mismatch.appendText("was ").appendText(item == null ? "null" : item.getClass().getSimpleName());
                    return false;
                }
                try {
                    assertions.accept(type.cast(item));
                    return true;
                } catch (AssertionError wrongField) {
                    mismatch.appendText(type.getSimpleName()).appendText(" with ").appendText(wrongField.getMessage());
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName());
            }
        };
    }
}
