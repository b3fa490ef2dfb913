package org.riskbudget.bench.reliability;

import org.riskbudget.contracts.scenario.ApiClient;

/**
 * What became of one command: its final answer (null when none came within the attempts allowed), how many times
 * it was sent, how many of those sends got no answer at all (refused, or cut off when the service died), and how
 * many were answered 409 CONCURRENCY_CONFLICT and sent again.
 */
record Outcome(LoadCommand command, ApiClient.Answer answer, int attempts, int unanswered, int conflicts) {

    boolean acknowledged() {
        return answer != null && answer.status() / 100 == 2;
    }

    long sequence() {
        return answer.body().path("sequence").asLong(-1);
    }

    String code() {
        return answer == null ? "NO_ANSWER" : answer.code();
    }

    @Override
    public String toString() {
        return command + " -> " + (answer == null ? "no answer" : answer.status() + " " + answer.text())
                + " after " + attempts + " attempt(s), " + unanswered + " unanswered, " + conflicts + " conflict(s)";
    }
}
