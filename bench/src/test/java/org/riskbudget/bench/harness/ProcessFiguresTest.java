package org.riskbudget.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The figures are read from this test's own JVM, which has compiled code by the time a test runs. */
class ProcessFiguresTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void theJitCompilersShareIsPositiveAndPartOfTheProcessesCpuTime() {
        double jit = ProcessFigures.jitCpuSeconds(SELF);
        double all = ProcessFigures.cpuSeconds(SELF);

        assertThat(jit).isPositive();
        assertThat(jit).isLessThanOrEqualTo(all);
    }

    @Test
    void aProcessThatIsGoneHasNoCpuTime() {
        long gone = Long.MAX_VALUE;

        assertThat(ProcessFigures.jitCpuSeconds(gone)).isZero();
        assertThat(ProcessFigures.cpuSeconds(gone)).isZero();
    }
}
