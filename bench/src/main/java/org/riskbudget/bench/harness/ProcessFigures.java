package org.riskbudget.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Memory and CPU time of processes, read from {@code /proc} (Linux): resident set size as the kernel counts it
 * ({@code VmRSS}, and its peak {@code VmHWM}), and user plus system CPU time, for a process or a process and its
 * children (PostgreSQL runs one backend process per connection).
 */
public final class ProcessFigures {

    /** USER_HZ: the unit of the CPU times in /proc/PID/stat; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessFigures() {}

    /** {@code VmRSS} in MiB, or -1 when the process is gone. */
    public static double residentMib(long pid) {
        return statusKib(pid, "VmRSS:") / 1024.0;
    }

    /** {@code VmHWM}, the peak resident set size, in MiB, or -1 when the process is gone. */
    public static double peakResidentMib(long pid) {
        return statusKib(pid, "VmHWM:") / 1024.0;
    }

    /** CPU seconds (user + system) the process has used, or 0 when it is gone. */
    public static double cpuSeconds(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** User plus system time from a {@code stat} line of a process or thread, in seconds. */
    private static double ticks(String stat) {
        // Fields after the command name, which is in parentheses and may contain spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds the JVM's JIT compiler threads ({@code C1 CompilerThread…}, {@code C2 CompilerThread…}) of a Java
     * process have used: a service still compiling its hot paths pays for it in every command measured meanwhile.
     */
    public static double jitCpuSeconds(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.mapToDouble(ProcessFigures::compilerCpuSeconds).sum();
        } catch (IOException | UncheckedIOException gone) {
            return 0;
        }
    }

    private static double compilerCpuSeconds(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            return name.matches("C[12] CompilerThre.*") ? ticks(stat) : 0;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /**
     * CPU seconds of a process and its direct children that are alive now. Children that ended are not counted,
     * so take the difference of two readings only across a phase whose children live throughout (a pool's
     * connections do).
     */
    public static double cpuSecondsWithChildren(long pid) {
        double total = cpuSeconds(pid);
        for (long child : children(pid)) {
            total += cpuSeconds(child);
        }
        return total;
    }

    static List<Long> children(long pid) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.chars()
                    .allMatch(Character::isDigit)).map(Long::parseLong).filter(candidate -> parent(candidate) == pid)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long parent(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    private static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
            return -1;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}
