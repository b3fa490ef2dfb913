package org.riskbudget.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreInMillisecondsOfWhatWasRecorded() {
        Latencies latencies = new Latencies();
        for (int ms = 1; ms <= 1000; ms++) {
            latencies.recordNanos(ms * 1_000_000L);
        }

        LatencySummary total = latencies.total();

        assertThat(total.count()).isEqualTo(1000);
        assertThat(total.p50Ms()).isCloseTo(500, within(1.0));
        assertThat(total.p99Ms()).isCloseTo(990, within(1.0));
        assertThat(total.p999Ms()).isCloseTo(999, within(1.0));
        assertThat(total.maxMs()).isCloseTo(1000, within(1.0));
    }

    @Test
    void anIntervalHoldsOnlyWhatCameSinceTheLastOneAndTheTotalHoldsAll() {
        Latencies latencies = new Latencies();
        latencies.recordNanos(1_000_000);
        assertThat(latencies.interval().count()).isEqualTo(1);

        latencies.recordNanos(2_000_000);
        latencies.recordNanos(3_000_000);

        assertThat(latencies.interval().count()).isEqualTo(2);
        assertThat(latencies.total().count()).isEqualTo(3);
    }

    @Test
    void nothingRecordedGivesZeroes() {
        assertThat(new Latencies().total()).isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void valuesOutOfRangeAreClampedNotLost() {
        Latencies latencies = new Latencies();
        latencies.recordNanos(-5);
        latencies.recordNanos(Long.MAX_VALUE);

        assertThat(latencies.total().count()).isEqualTo(2);
    }
}
