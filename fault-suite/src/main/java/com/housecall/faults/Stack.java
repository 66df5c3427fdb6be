package com.housecall.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The running platform's processes as {@code bin/housecall up} left them: each part's pid in
 * {@code .housecall/pids/<part>.pid}, its command line marked {@code -Dhousecall.part=<part>}. A fault signals one
 * of them; {@code up --detach} starts again what is not running, as an operator would.
 */
final class Stack {

    private final Path root;
    private final Path log;

    Stack(Path root, Path log) {
        this.root = root;
        this.log = log;
    }

    /**
     * Sends SIGKILL ({@code kill}) or SIGTERM to the part and waits for it to exit.
     *
     * @return how long it took to exit
     */
    Duration signal(String part, boolean kill) throws IOException, InterruptedException {
        ProcessHandle process = running(part);
        long began = System.nanoTime();
        boolean sent = kill ? process.destroyForcibly() : process.destroy();
        if (!sent) {
            throw new IOException("could not signal " + part + " (pid " + process.pid() + ")");
        }
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(part + " did not exit within 60 s of its signal", e);
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /**
     * {@code bin/housecall up --detach} and {@code options} (e.g. {@code --second dispatch}): starts what is not
     * running and returns once all is healthy.
     */
    Duration up(String... options) throws IOException, InterruptedException {
        long began = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/housecall").toString(), "up", "--detach"));
        command.addAll(List.of(options));
        Process up = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!up.waitFor(10, TimeUnit.MINUTES)) {
            up.destroy();
            throw new IOException("bin/housecall up did not finish in 10 minutes; see " + log);
        }
        if (up.exitValue() != 0) {
            throw new IOException("bin/housecall up exited " + up.exitValue() + "; see " + log);
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    private ProcessHandle running(String part) throws IOException {
        Path pidFile = root.resolve(".housecall/pids/" + part + ".pid");
        if (!Files.exists(pidFile)) {
            throw new IOException(part + " is not running (no " + pidFile + "): start the platform first");
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        return ProcessHandle.of(pid).filter(p -> p.isAlive() && markedAs(pid, part))
                .orElseThrow(() -> new IOException(part + " (pid " + pid + ") is not running"));
    }

    private static boolean markedAs(long pid, String part) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
            return List.of(cmdline.split("\0")).contains("-Dhousecall.part=" + part);
        } catch (IOException e) {
            return false;
        }
    }
}
