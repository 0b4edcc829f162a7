package de.efa.registry.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Rounded for the report: rates to whole events, ratios to three digits. */
    static Double rate(double perSecond) {
        return Double.isFinite(perSecond) ? (double) Math.round(perSecond) : null;
    }

    static Double ratio(double a, double b) {
        return b > 0 && Double.isFinite(a) ? Math.round(a / b * 1000) / 1000.0 : null;
    }

    /** CPU time of the whole process (bench, driver and embedded server): robust where wall time is not. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Microseconds of process CPU per event, to one decimal. */
    static Double cpuMicros(long cpuNanos, long events) {
        return events > 0 ? Math.round(cpuNanos / 100.0 / events) / 10.0 : null;
    }

    static double perSecond(long events, long nanos) {
        return events / (nanos / 1e9);
    }
}
