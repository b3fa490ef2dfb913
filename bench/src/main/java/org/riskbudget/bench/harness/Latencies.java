package org.riskbudget.bench.harness;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies recorded from many threads into an HdrHistogram (microsecond resolution, three significant digits, up
 * to ten minutes), readable by one reporting thread in intervals while recording goes on.
 */
public final class Latencies {

    private static final long HIGHEST_US = TimeUnit.MINUTES.toMicros(10);
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(HIGHEST_US, SIGNIFICANT_DIGITS);
    private final Histogram total = new Histogram(HIGHEST_US, SIGNIFICANT_DIGITS);
    private Histogram interval;

    /** Records one latency; values beyond the range are clamped rather than lost, so counts stay exact. */
    public void recordNanos(long nanos) {
        long micros = Math.max(0, Math.min(HIGHEST_US, TimeUnit.NANOSECONDS.toMicros(nanos)));
        recorder.recordValue(micros);
    }

    /** What was recorded since the previous call (or since the start); also added to the total. */
    public synchronized LatencySummary interval() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return LatencySummary.of(interval);
    }

    /** Everything recorded so far. */
    public synchronized LatencySummary total() {
        interval();
        return LatencySummary.of(total);
    }
}
