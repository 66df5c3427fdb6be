package com.housecall.localstack.launcher;

import com.housecall.localstack.keycloak.KeycloakProcess;
import com.housecall.localstack.tokens.PemKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * {@code up}: starts what is not running yet, one progress line per part, and waits until each is healthy; then
 * returns ({@code --detach}) or watches the parts until Ctrl-C or {@code down}. A failed start stops what this run
 * started.
 */
final class Up {

    /** The options of {@code up}; {@code second}: the second instance of a service to start beside the first. */
    record Options(boolean detach, boolean rebuild, String only, boolean devTokens, boolean demo,
                   Optional<Part> second) {
    }

    private final Settings settings;
    private final Processes processes;
    private final Launch launch;
    private final PrintStream out;
    private final List<Part> started = new CopyOnWriteArrayList<>();
    private final Map<Part, ProcessHandle> launched = new ConcurrentHashMap<>();
    private volatile boolean keep;

    Up(Settings settings, String classpath, PrintStream out) {
        this.settings = settings;
        this.processes = new Processes(settings);
        this.launch = new Launch(settings, processes, classpath);
        this.out = out;
    }

    int run(Options options) {
        TokenMode mode = TokenMode.choose(settings, options.devTokens(), processes);
        List<Part> chosen = Plan.withClusterNodes(Plan.select(options.only(), mode == TokenMode.DEV,
                options.second()), new KafkaCluster(settings).nodes());
        List<Part> selected = Plan.withDatabaseProxy(chosen, settings.databaseProxy());
        if (mode == TokenMode.DEV && !options.only().isBlank() && Plan.select(options.only(), false)
                .contains(Part.KEYCLOAK)) {
            out.println("  (--dev-tokens: Keycloak is not started)");
        }
        List<Part> toStart = new ArrayList<>();
        for (Part part : selected) {
            var running = processes.running(part);
            if (running.isPresent()) {
                out.println("  " + Progress.pad(part.id()) + "already running (pid " + running.get().pid() + ")");
            } else {
                Processes.delete(processes.pidFile(part));
                toStart.add(part);
            }
        }
        if (toStart.isEmpty()) {
            out.println("Housecall is already running; bin/housecall down stops it.");
            new Summary(settings, processes, out).print();
            return 0;
        }
        SecondInstance.checkBeside(toStart, processes, settings);
        checkPorts(toStart);
        // a second instance runs the first's jar as it is: a build now would give the two different code
        new Build(settings).ifNeeded(firstApps(toStart), options.rebuild(), out);
        if (mode == TokenMode.DEV) {
            try {
                PemKeys.ensure(settings.devKeys());
            } catch (IOException | GeneralSecurityException e) {
                throw new LaunchException("could not make the development key: " + e.getMessage());
            }
        }
        Thread cleanup = new Thread(this::stopStartedUnlessKept, "housecall-stop");
        Runtime.getRuntime().addShutdownHook(cleanup);
        // start times depend on what else runs: DECISIONS.md 23 asks for the load average beside them
        out.println("  load average " + Progress.loadAverage());
        long began = System.nanoTime();
        try {
            start(toStart, mode, options.demo());
        } catch (Await.StartFailure e) {
            return 1; // reported; the hook stops what was started
        } // a LaunchException says why on its way out (Housecall.main), and the hook stops what was started
        out.println("Housecall is up (" + Progress.seconds(Progress.since(began)) + " s, load average "
                + Progress.loadAverage() + ").");
        new Summary(settings, processes, out).print();
        keep = true;
        if (options.detach()) {
            return 0;
        }
        Runtime.getRuntime().removeShutdownHook(cleanup);
        return new Watch(processes, out).untilStopped(toStart);
    }

    /** Another program on a port of a part would pass that part's health check: refuse to start. */
    void checkPorts(List<Part> toStart) {
        for (Part part : toStart) {
            for (Part.PortName port : part.ports()) {
                int number = part.port(settings, port);
                if (Health.portTaken(number)) {
                    throw new LaunchException("port " + number + " for " + part.id() + " is taken by another"
                            + " program: stop it, or set " + port.variable() + " to a free port");
                }
            }
        }
    }

    private void start(List<Part> toStart, TokenMode mode, boolean demo) throws Await.StartFailure {
        try {
            Files.createDirectories(settings.pids());
            Files.createDirectories(settings.state().resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Part, Long> begun = new LinkedHashMap<>();
        List<Part> infrastructure = Plan.launchOrder(toStart).stream().filter(p -> !p.isApp()).toList();
        List<Part> awaiting = new ArrayList<>();
        for (Part part : infrastructure) {
            processes.newLog(part);
            begun.put(part, System.nanoTime());
            Launch.Command command = switch (part) {
                case KEYCLOAK -> launch.keycloak();
                case KAFKA, KAFKA_2, KAFKA_3 -> launch.kafka(part);
                case MAIL_CATCHER -> launch.mailCatcher();
                case DB_PROXY -> launch.databaseProxy();
                default -> launch.smsSink();
            };
            spawn(part, command);
            if (part == Part.KEYCLOAK) {
                continue;
            }
            awaiting.add(part);
            // a cluster's nodes all start before any is awaited: a node answers once a quorum of them runs
            int next = infrastructure.indexOf(part) + 1;
            if (!(part.isBroker() && next < infrastructure.size() && infrastructure.get(next).isBroker())) {
                for (Part started : awaiting) {
                    await(started, begun.get(started), settings.startTimeout());
                }
                awaiting.clear();
            }
        }
        // the services only need Kafka, and check tokens against Keycloak only when a request comes:
        // start them and the gateway together, then await each
        Build build = new Build(settings);
        List<Part> apps = firstApps(toStart);
        apps.forEach(processes::newLog);
        train(launch.untrained(apps, build), build, mode == TokenMode.DEV, demo);
        for (Part app : apps) {
            begun.put(app, System.nanoTime());
            spawn(app, launch.app(app, build.jar(app), mode == TokenMode.DEV, demo));
        }
        // the apps before Keycloak, which usually takes longer: each line then shows the app's own time
        for (Part app : apps) {
            await(app, begun.get(app), settings.startTimeout());
        }
        // a second instance once its first is healthy: the first has made its database and seeded its data
        for (Part second : toStart.stream().filter(Part::isSecond).toList()) {
            processes.newLog(second);
            begun.put(second, System.nanoTime());
            spawn(second, launch.app(second, build.jar(second), mode == TokenMode.DEV, demo));
            await(second, begun.get(second), settings.startTimeout());
        }
        if (begun.containsKey(Part.KEYCLOAK)) {
            await(Part.KEYCLOAK, begun.get(Part.KEYCLOAK), settings.keycloakStartTimeout());
        }
    }

    /** The apps to build and train: a second instance takes its first's jar and AOT cache as they are. */
    private static List<Part> firstApps(List<Part> toStart) {
        return toStart.stream().filter(p -> p.isApp() && !p.isSecond()).toList();
    }

    /** The AOT cache of each app that has none usable, a few at a time: a failed one only costs its speed-up. */
    private void train(List<Part> apps, Build build, boolean devTokens, boolean demo) {
        if (apps.isEmpty()) {
            return;
        }
        out.println("  AOT cache (once per build, .housecall/aot/): training " + apps.stream().map(Part::id)
                .collect(Collectors.joining(", ")));
        try (ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            for (Part app : apps) {
                pool.submit(() -> {
                    long began = System.nanoTime();
                    String failed = launch.train(app, build.jar(app), devTokens, demo);
                    out.println("  " + Progress.pad(app.id()) + (failed == null
                            ? "AOT cache made in " + Progress.seconds(Progress.since(began)) + " s"
                            : "no AOT cache (" + failed + "): starts from its jar"));
                });
            }
        }
    }

    private void spawn(Part part, Launch.Command command) {
        launched.put(part, processes.launch(part, command));
        started.add(part);
    }

    private void await(Part part, long begunNanos, Duration timeout) throws Await.StartFailure {
        out.print("  " + Progress.pad(part.id()));
        out.flush();
        try {
            // the launched child itself: its command line is briefly unreadable while setsid execs java
            Await.healthy(launched.get(part), ProcessHandle::isAlive, () -> Health.healthy(part, settings),
                    begunNanos + timeout.toNanos(), "HOUSECALL_START_TIMEOUT=" + settings.startTimeout().toSeconds()
                            + ", HOUSECALL_KEYCLOAK_START_TIMEOUT=" + settings.keycloakStartTimeout().toSeconds());
        } catch (Await.StartFailure e) {
            out.println();
            out.println("FAILED: " + part.id() + " " + e.getMessage());
            out.println("---- last 30 lines of .housecall/logs/" + part.id() + ".log ----");
            out.println(KeycloakProcess.tail(processes.log(part), 30));
            out.println("----");
            throw e;
        }
        out.println(Progress.upIn(Progress.since(begunNanos), Summary.address(part, settings)));
    }

    /** On Ctrl-C or a failed start: stops what this run started (a finished detached start keeps them). */
    private void stopStartedUnlessKept() {
        if (!keep && !started.isEmpty()) {
            out.println();
            out.println("stopping what was started");
            processes.stopInOrder(Plan.stopOrder(started), out);
        }
    }
}
