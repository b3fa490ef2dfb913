package org.riskbudget.bench;

/**
 * One of the targets and how this run did against it.
 *
 * @param goal     the target as the issue states it
 * @param measured the figure compared, in {@code unit}
 */
record Target(String name, String goal, double measured, String unit, boolean pass) {

    static Target atLeast(String name, String goal, double measured, double bound, String unit) {
        return new Target(name, goal, round(measured), unit, measured >= bound);
    }

    static Target atMost(String name, String goal, double measured, double bound, String unit) {
        return new Target(name, goal, round(measured), unit, measured <= bound);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
