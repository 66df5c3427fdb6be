package com.housecall.localstack.launcher;

import com.housecall.localstack.keycloak.KeycloakDistribution;
import com.housecall.localstack.keycloak.KeycloakProcess;
import com.housecall.localstack.tokens.DevTokens;
import com.housecall.localstack.tokens.KeycloakTokens;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code down}, {@code status}, {@code token}, {@code logs} and the usage text. */
final class Commands {

    private final Settings settings;
    private final Processes processes;
    private final PrintStream out;

    Commands(Settings settings, PrintStream out) {
        this.settings = settings;
        this.processes = new Processes(settings);
        this.out = out;
    }

    /** Stops exactly the processes {@code up} started (their pid files); {@code --purge} deletes the state too. */
    int down(List<String> args) {
        boolean purge = false;
        for (String arg : args) {
            if (!arg.equals("--purge")) {
                throw new LaunchException("unknown option '" + arg + "' for down");
            }
            purge = true;
        }
        List<Part> named = processes.withPidFiles();
        if (named.isEmpty()) {
            out.println("Nothing to stop.");
        } else {
            processes.stopInOrder(Plan.stopOrder(named), out);
        }
        if (purge) {
            try {
                KeycloakDistribution.deleteTree(settings.state());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println("Deleted .housecall/");
        }
        return 0;
    }

    /**
     * Each part: running or not, healthy or not; 3 unless all are up. A second instance or another Kafka node only
     * once up started it.
     */
    int status() {
        boolean allUp = true;
        boolean dev = TokenMode.current(settings) == TokenMode.DEV;
        for (Part part : Part.values()) {
            if (part.onRequest() && !Files.exists(processes.pidFile(part))) {
                continue;
            }
            Optional<ProcessHandle> process = processes.running(part);
            if (part == Part.KEYCLOAK && dev && process.isEmpty()) {
                out.println("  " + Progress.pad(part.id()) + "not used (--dev-tokens)");
                continue;
            }
            String state;
            if (process.isEmpty()) {
                state = "stopped";
                allUp = false;
            } else if (Health.healthy(part, settings)) {
                state = "up        pid " + process.get().pid();
            } else {
                state = "unhealthy pid " + process.get().pid();
                allUp = false;
            }
            out.println("  " + Progress.pad(part.id()) + String.format("%-20s ", state)
                    + Summary.address(part, settings));
        }
        return allUp ? 0 : 3;
    }

    /** A token for a demo user: Keycloak's, or a development token after {@code up --dev-tokens}. */
    int token(List<String> args) {
        if (args.size() != 1) {
            throw new LaunchException("usage: bin/housecall token <user>");
        }
        if (TokenMode.current(settings) == TokenMode.DEV) {
            return DevTokens.run(new String[] {"token", settings.devKeys().toString(), args.getFirst()}, out,
                    System.err);
        }
        return KeycloakTokens.run(new String[] {"token", settings.issuer(), args.getFirst()}, out, System.err);
    }

    /** The last 100 lines of a part's log; {@code --follow} (or {@code -f}) keeps printing until Ctrl-C. */
    int logs(List<String> args) {
        List<String> names = args.stream().filter(a -> !a.equals("-f") && !a.equals("--follow")).toList();
        if (names.size() != 1) {
            throw new LaunchException("usage: bin/housecall logs <part> [--follow]   parts: " + Part.names());
        }
        Path log = processes.log(Part.named(names.getFirst()));
        if (!Files.isRegularFile(log)) {
            throw new LaunchException("no log yet at " + settings.root().relativize(log));
        }
        out.println(KeycloakProcess.tail(log, 100));
        if (args.size() > 1) {
            follow(log);
        }
        return 0;
    }

    private void follow(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long position = file.length();
            while (!Thread.currentThread().isInterrupted()) {
                if (file.length() < position) {
                    position = 0; // a new run started the log afresh
                }
                if (file.length() > position) {
                    byte[] bytes = new byte[(int) Math.min(file.length() - position, 1 << 20)];
                    file.seek(position);
                    file.readFully(bytes);
                    position += bytes.length;
                    out.print(new String(bytes, StandardCharsets.UTF_8));
                    out.flush();
                }
                Progress.pause(Duration.ofMillis(500));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String usage(Settings settings) {
        return """
                usage: bin/housecall <command>

                  up [--detach] [--rebuild] [--only PARTS] [--dev-tokens] [--no-demo] [--second SERVICE]
                        Builds what is missing, starts Kafka, the mail catcher, the SMS sink,
                        Keycloak (realm housecall), the services and the gateway, waits until
                        each is healthy (%d s each, Keycloak %d s) and prints URLs and logins.
                        Stays in the foreground until Ctrl-C, which stops everything like down.
                        --detach      return once everything is healthy
                        --rebuild     run the Maven build even if the jars exist
                        --only        comma-separated subset, e.g. --only kafka,mail
                                      parts: %s
                                      (or their full names: mail-catcher, booking-service, ...)
                        --dev-tokens  no Keycloak: the services and the gateway trust tokens signed
                                      with a development key (.housecall/dev-jwt) and token prints
                                      those (also HOUSECALL_DEV_TOKENS=1)
                        --no-demo     start empty: no demo nurse roster (the demo users stay in the
                                      dev realm; the production profile has neither)
                        --second      a second instance of booking, screening, dispatch or notification
                                      beside the running first (only that, unless --only names more):
                                      part <service>-2 (pid file, log, status, down), ports first's + %d
                                      (HOUSECALL_<NAME>_2_PORT, HOUSECALL_<NAME>_2_MANAGEMENT_PORT),
                                      HOUSECALL_INSTANCE_ID <first's id>-2, the first's jar, JVM options,
                                      AOT cache, database and Kafka. Needs PostgreSQL (HOUSECALL_DB_URL):
                                      an H2 file opens in one process only. The gateway keeps the first.
                  down [--purge]
                        Stops exactly the processes up started (.housecall/pids); --purge also
                        deletes .housecall/ (Kafka data, dev keys, logs; not the unpacked Keycloak
                        in local-stack/target/).
                  status
                        Each part: running or not, healthy or not. Exit 3 unless all are up.
                  token <user>
                        Prints an access token from Keycloak (password grant on housecall-web,
                        password = user name; client credentials for the partner clinics,
                        clinic-c's signed with its dev key):
                        patient1 patient2 nurse1 clinician1 operator1 clinic-a clinic-b clinic-c
                  logs <part> [--follow]
                        The last 100 lines of a part's log (.housecall/logs/<part>.log;
                        a second instance: e.g. logs dispatch-service-2).
                  help

                State and logs live in .housecall/ (logs in .housecall/logs/<part>.log).
                Ports come from HOUSECALL_<PART>_PORT (see CONTRACT.md section 1).
                Timeouts: HOUSECALL_START_TIMEOUT, HOUSECALL_KEYCLOAK_START_TIMEOUT (seconds).
                HOUSECALL_KAFKA_BROKERS=3 runs a three-broker Kafka cluster (kafka, kafka-2, kafka-3:
                every topic on all three, two in sync to write) on Kafka data of its own.
                The services and the gateway start from an AOT cache that up trains once per
                build (.housecall/aot/; HOUSECALL_AOT_CACHE=off does without); JVM options
                after their small-heap defaults: HOUSECALL_JAVA_OPTS.
                """.formatted(settings.startTimeout().toSeconds(), settings.keycloakStartTimeout().toSeconds(),
                Part.names(), Part.SECOND_OFFSET);
    }
}
