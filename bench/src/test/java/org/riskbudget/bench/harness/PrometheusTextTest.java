package org.riskbudget.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String EXPOSITION = """
            # HELP ledger_commands_seconds Commands handled
            # TYPE ledger_commands_seconds histogram
            ledger_commands_seconds_count{code="none",command="A",outcome="accepted"} 10
            ledger_commands_seconds_count{code="none",command="B",outcome="accepted"} 5
            ledger_commands_seconds_count{code="X",command="B",outcome="refused"} 2
            ledger_commands_seconds_sum{code="none",command="A",outcome="accepted"} 0.5
            ledger_commands_seconds_count_other 99
            """;

    @Test
    void sumsTheSamplesOfOneMetricWhoseLabelsMatch() {
        assertThat(PrometheusText.sum(EXPOSITION, "ledger_commands_seconds_count", "outcome=\"accepted\""))
                .isEqualTo(15);
        assertThat(PrometheusText.sum(EXPOSITION, "ledger_commands_seconds_count", "")).isEqualTo(17);
        assertThat(PrometheusText.sum(EXPOSITION, "ledger_commands_seconds_sum", "")).isEqualTo(0.5);
    }

    @Test
    void anAbsentMetricSumsToZero() {
        assertThat(PrometheusText.sum(EXPOSITION, "absent_total", "")).isZero();
    }
}
