package com.housecall.localstack.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The processes {@code up} starts, each known by its pid file {@code .housecall/pids/<part>.pid} and marked on its
 * command line with {@code -Dhousecall.part=<part>} and {@code -Dhousecall.state=<.housecall>}, so a pid the system
 * reused for another program is never taken for a part, and {@code down} stops only what {@code up} started.
 */
final class Processes {

    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Settings settings;

    Processes(Settings settings) {
        this.settings = settings;
    }

    /** What marks a command line as this part of this state directory. */
    List<String> markers(Part part) {
        return List.of("-Dhousecall.part=" + part.id(), "-Dhousecall.state=" + settings.state());
    }

    Path pidFile(Part part) {
        return settings.pids().resolve(part.id() + ".pid");
    }

    Path log(Part part) {
        return settings.logs().resolve(part.id() + ".log");
    }

    /** The running part, if its pid file names a live process marked as that part. */
    Optional<ProcessHandle> running(Part part) {
        Path file = pidFile(part);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(file).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(this::alive).filter(p -> isMarked(p, part));
    }

    /** A zombie (exited, not yet reaped) counts as gone: it has no command line. */
    boolean alive(ProcessHandle process) {
        return process.isAlive() && !commandLine(process).isEmpty();
    }

    private boolean isMarked(ProcessHandle process, Part part) {
        return commandLine(process).containsAll(markers(part));
    }

    /**
     * The process's command line from {@code /proc} (ProcessHandle.Info gives no arguments past about 4 KiB, and a
     * classpath is longer), else what ProcessHandle knows.
     */
    static List<String> commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        if (Files.isDirectory(proc.getParent())) {
            try {
                String text = Files.readString(proc, StandardCharsets.UTF_8);
                return text.isEmpty() ? List.of() : Arrays.asList(text.split("\0"));
            } catch (IOException e) {
                return List.of(); // it exited meanwhile
            }
        }
        return Arrays.asList(process.info().arguments().orElse(new String[0]));
    }

    /** The parts that have a pid file, running or not. */
    List<Part> withPidFiles() {
        return Arrays.stream(Part.values()).filter(p -> Files.exists(pidFile(p))).toList();
    }

    /**
     * Starts {@code command} in its own session (Ctrl-C reaches only the launcher, which then stops the parts in
     * order), its output appended to the part's log, and records its pid.
     */
    ProcessHandle launch(Part part, Launch.Command command) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command.command());
        ProcessBuilder builder = new ProcessBuilder(full).directory(command.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(part).toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        if (command.replacesEnvironment()) {
            builder.environment().clear();
        }
        builder.environment().putAll(command.env());
        try {
            Process process = builder.start();
            Files.writeString(pidFile(part), process.pid() + "\n");
            return process.toHandle();
        } catch (IOException e) {
            throw new LaunchException("could not start " + part.id() + ": " + e.getMessage());
        }
    }

    /** Keeps the previous run's log one generation back. */
    void newLog(Part part) {
        try {
            Files.createDirectories(settings.logs());
            Path log = log(part);
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(part.id() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(log, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Services and gateway first, so they can still reach Kafka while they shut down; then the rest. */
    void stopInOrder(Collection<Part> parts, PrintStream out) {
        stop(parts.stream().filter(Part::isApp).toList(), out);
        stop(parts.stream().filter(p -> !p.isApp()).toList(), out);
    }

    /** TERM all at once, wait up to {@link #STOP_GRACE}, then KILL what is left with its children; a line each. */
    void stop(List<Part> parts, PrintStream out) {
        List<Part> stopping = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        for (Part part : parts) {
            Optional<ProcessHandle> process = running(part);
            boolean hadFile = Files.exists(pidFile(part));
            delete(pidFile(part)); // first, so a watching `up` knows this stop is wanted
            if (process.isPresent()) {
                process.get().destroy();
                stopping.add(part);
                handles.add(process.get());
            } else if (hadFile) {
                out.println("  " + Progress.pad(part.id()) + "was not running");
            }
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        while (handles.stream().anyMatch(this::alive) && System.nanoTime() < deadline) {
            Progress.pause(Duration.ofMillis(200));
        }
        for (int i = 0; i < handles.size(); i++) {
            ProcessHandle process = handles.get(i);
            if (alive(process)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                out.println("  " + Progress.pad(stopping.get(i).id()) + "killed (pid " + process.pid()
                        + ", no exit after " + STOP_GRACE.toSeconds() + " s)");
            } else {
                out.println("  " + Progress.pad(stopping.get(i).id()) + "stopped (pid " + process.pid() + ")");
            }
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
