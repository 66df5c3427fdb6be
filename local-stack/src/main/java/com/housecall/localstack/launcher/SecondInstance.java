package com.housecall.localstack.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A second instance of one service beside the running platform ({@code up --second <service>}), so that one of two
 * can be killed (issue 15, DECISIONS 29): the same jar, JVM options, AOT cache, database and Kafka as the first,
 * its own ports and its own static group membership. Its consumers join the first's groups and its outbox relay
 * takes buckets; the gateway, which was told both addresses when it started, sends HTTP requests to whichever of
 * the two is ready.
 */
final class SecondInstance {

    private SecondInstance() {
    }

    /** The second instance of the service {@code name}; refused for other parts and on the embedded H2 default. */
    static Part named(String name, Settings settings) {
        Part part = Part.named(name);
        Part second = part.second().orElseThrow(() -> new LaunchException("--second takes booking, screening,"
                + " dispatch or notification (the services that share their work through Kafka), not " + part.id()));
        if (!settings.databaseUrl().startsWith(Settings.POSTGRESQL)) {
            throw new LaunchException("a second " + part.id() + " needs PostgreSQL (HOUSECALL_DB_URL="
                    + "jdbc:postgresql://127.0.0.1:5432/postgres): on the embedded H2 default each service keeps its"
                    + " data in one file, which only one process may open");
        }
        return second;
    }

    /**
     * What the second instance's environment adds to the first's: its management port, its own instance id (the
     * broker would fence one of two static members with the same id; the first keeps its id, so a restart of it
     * keeps its membership) and no demo roster (the first seeded it, unless up was told not to).
     */
    static Map<String, String> environment(Part second, Settings settings) {
        Map<String, String> env = new HashMap<>();
        // an app's ports: the main one, then the management one
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(second.port(settings, second.ports().get(1))));
        env.put("HOUSECALL_INSTANCE_ID", instanceId(settings));
        if (second.first() == Part.DISPATCH) {
            env.put("HOUSECALL_DISPATCH_DEMOROSTER", "false");
        }
        return env;
    }

    /** The first instance's id ({@code HOUSECALL_INSTANCE_ID}, else the host name as the services take it), -2. */
    static String instanceId(Settings settings) {
        return settings.get("HOUSECALL_INSTANCE_ID", hostName()).strip() + "-2";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }

    /**
     * A second instance in {@code toStart} starts beside its first: running, or started by this {@code up}; a
     * running first must have been started on the same database, or the two would not share their work.
     */
    static void checkBeside(List<Part> toStart, Processes processes, Settings settings) {
        for (Part second : toStart.stream().filter(Part::isSecond).toList()) {
            Part first = second.first();
            Optional<ProcessHandle> running = processes.running(first);
            if (running.isEmpty() && !toStart.contains(first)) {
                throw new LaunchException(second.id() + " starts beside " + first.id() + ", which is not running:"
                        + " bin/housecall up --detach first (or add --only " + first.id() + ")");
            }
            Optional<Map<String, String>> firstEnv = running.flatMap(SecondInstance::environmentOf);
            String ours = settings.serviceDatabaseUrl();
            if (firstEnv.isPresent() && !databaseUrl(firstEnv.get()).equals(ours)) {
                String theirs = databaseUrl(firstEnv.get());
                throw new LaunchException(first.id() + " (pid " + running.get().pid() + ") runs on "
                        + (theirs.isEmpty() ? "the embedded H2 default" : theirs) + ", not " + ours
                        + ": the second instance must share its database (bin/housecall down, then up with "
                        + "HOUSECALL_DB_URL set)");
            }
        }
    }

    private static String databaseUrl(Map<String, String> env) {
        return env.getOrDefault("HOUSECALL_DB_URL", "").strip();
    }

    /** The environment a process was started with, from {@code /proc}; empty where it cannot be read. */
    static Optional<Map<String, String>> environmentOf(ProcessHandle process) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(process.pid()), "environ"),
                    StandardCharsets.UTF_8);
            Map<String, String> env = new HashMap<>();
            for (String entry : text.split("\0")) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    env.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return Optional.of(env);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
