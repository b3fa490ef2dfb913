package org.riskbudget.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void slotsAreDueAtTheRateFromTheStartWhateverHappenedBefore() {
        Pacer pacer = new Pacer(1_000, 1_000);

        assertThat(pacer.dueNs(0)).isEqualTo(1_000);
        assertThat(pacer.dueNs(1)).isEqualTo(1_001_000);
        assertThat(pacer.dueNs(1_000)).isEqualTo(1_000_001_000);
    }

    @Test
    void aLateSlotIsReturnedAtOnceWithItsDueTime() {
        long startNs = System.nanoTime() - 10_000_000_000L;
        Pacer pacer = new Pacer(startNs, 100);

        long beforeNs = System.nanoTime();
        long dueNs = pacer.awaitSlot(5);

        assertThat(dueNs).isEqualTo(startNs + 50_000_000L);
        assertThat(System.nanoTime() - beforeNs).isLessThan(1_000_000_000L);
    }

    @Test
    void anEarlySlotIsWaitedFor() {
        long startNs = System.nanoTime();
        Pacer pacer = new Pacer(startNs, 200);

        long dueNs = pacer.awaitSlot(2);

        assertThat(System.nanoTime()).isGreaterThanOrEqualTo(dueNs);
        assertThat(dueNs).isEqualTo(startNs + 10_000_000L);
    }
}
