package org.riskbudget.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the PostgreSQL processes that serve one data directory. Every postgres process changes its working
 * directory to the data directory, so {@code /proc/PID/cwd} identifies them even after their postmaster was
 * killed or its pid was reused by an unrelated program.
 */
final class PostgresProcesses {

    private static final Path PROC = Path.of("/proc");

    private PostgresProcesses() {
    }

    /** Live (not zombie) postgres processes whose working directory is {@code dataDirectory}. */
    static List<ProcessHandle> runningIn(Path dataDirectory) {
        Path directory = realPath(dataDirectory);
        return ProcessHandle.allProcesses()
                .filter(PostgresProcesses::isRunning)
                .filter(PostgresProcesses::isPostgres)
                .filter(process -> workingDirectory(process.pid()).map(directory::equals).orElse(false))
                .collect(Collectors.toList());
    }

    /** Whether {@code pid} is a postgres process serving {@code dataDirectory}. */
    static boolean isPostgresOf(long pid, Path dataDirectory) {
        return ProcessHandle.of(pid)
                .filter(PostgresProcesses::isRunning)
                .filter(PostgresProcesses::isPostgres)
                .map(process -> workingDirectory(pid).map(realPath(dataDirectory)::equals).orElse(false))
                .orElse(false);
    }

    /**
     * Alive and not a zombie. The JDK reports zombies as alive, and a killed orphan whose parent is an init
     * that does not reap stays a zombie forever.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = PROC.resolve(Long.toString(process.pid())).resolve("stat");
        if (!Files.isDirectory(PROC)) {
            return true; // not Linux: trust the JDK
        }
        try {
            String content = Files.readString(stat);
            // The state is the first field after the command name, which is in parentheses and may contain spaces.
            int end = content.lastIndexOf(')');
            char state = end >= 0 && end + 2 < content.length() ? content.charAt(end + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false; // vanished while we looked
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command()
                .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
    }

    private static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(PROC.resolve(Long.toString(pid)).resolve("cwd").toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Path realPath(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            return directory.toAbsolutePath().normalize();
        }
    }
}
