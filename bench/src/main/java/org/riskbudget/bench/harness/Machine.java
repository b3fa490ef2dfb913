package org.riskbudget.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the figures were measured on. The load average is part of it: on a shared machine it says how much of the
 * machine the benchmarks actually had.
 *
 * @param loadAverage1m the one-minute load average when read (0 when unknown)
 */
public record Machine(int cores, long memoryMib, String cpu, String jdk, String os, double loadAverage1m) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemoryMib(), readCpu(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                loadAverage());
    }

    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 0;
        }
    }

    private static long readMemoryMib() {
        return firstValue("/proc/meminfo", "MemTotal:").map(value -> Long.parseLong(value.replace("kB", "").strip())
                / 1024).orElse(-1L);
    }

    private static String readCpu() {
        return firstValue("/proc/cpuinfo", "model name").map(value -> value.replaceFirst("^\\s*:\\s*", ""))
                .orElse("unknown");
    }

    private static java.util.Optional<String> firstValue(String file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(prefix)).findFirst()
                    .map(line -> line.substring(prefix.length()).strip());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
