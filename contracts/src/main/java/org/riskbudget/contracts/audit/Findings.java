package org.riskbudget.contracts.audit;

import java.util.ArrayList;
import java.util.List;

/** The findings of one replay, in the order found; each is placed at the event being read. */
final class Findings {

    private final List<Finding> found = new ArrayList<>();
    private long sequence;

    /** Places the findings that follow at this event. */
    void at(long eventSequence) {
        sequence = eventSequence;
    }

    void add(String rule, String detail) {
        found.add(new Finding(sequence, rule, detail));
    }

    List<Finding> list() {
        return List.copyOf(found);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }
}
