package com.housecall.faults;

import com.housecall.benchmarks.KafkaClients;
import com.housecall.benchmarks.LoadShape;
import com.housecall.benchmarks.Options;
import com.housecall.benchmarks.Pipeline;
import com.housecall.benchmarks.Roster;
import com.housecall.benchmarks.Tokens;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code bin/housecall faults [--only a,b] [--rate N] [--consultations N] [--budget MINUTES] [--roster N]}: against
 * the running platform, on PostgreSQL, the roster made large enough, each scenario in turn; one line per scenario,
 * a JSON report under {@code .housecall/faults/}, and a non-zero exit when an invariant failed anywhere or the
 * budget left scenarios out.
 */
public final class FaultSuite {

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("housecall.root", ".")).toAbsolutePath().normalize();
        Path state = root.resolve(".housecall");
        SuiteOptions suite;
        Databases databases;
        try {
            suite = SuiteOptions.parse(Arrays.asList(args));
            databases = Databases.fromEnvironment(System.getenv());
            if (suite.only().isEmpty() || suite.only().contains("database-cut")) {
                databases.checkProxy();
            }
        } catch (IllegalArgumentException e) {
            System.err.println("faults: " + e.getMessage());
            System.exit(2);
            return;
        }
        Options ports = Options.parse(List.of(), System.getenv(), state);
        Options options = new Options(false, suite.rate(), Duration.ofSeconds(Math.round(suite.consultations()
                / suite.rate())), 0, Duration.ofMinutes(5), ports.gateway(), ports.keycloak(), ports.bootstrap(),
                state.resolve("faults"));
        Files.createDirectories(options.reports());
        System.exit(run(root, suite, options, databases) ? 0 : 1);
    }

    private static boolean run(Path root, SuiteOptions suite, Options options, Databases databases) throws Exception {
        KafkaClients clients = new KafkaClients();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Tokens tokens = new Tokens(http, options.keycloak());
        tokens.refresh();
        ScheduledExecutorService refresher = tokens.refreshEveryMinute("faults");
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Outcome> outcomes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Broker broker = new Broker(options.bootstrap())) {
            LoadShape shape = new LoadShape(LocalDate.now(ZoneOffset.UTC));
            DeadLetterCheck deadLetters = new DeadLetterCheck(clients, options.bootstrap(), broker,
                    new Console(http, options.gateway(), tokens));
            Stack stack = new Stack(root, options.reports().resolve("up.log"));
            boolean brokerCluster = options.bootstrap().contains(",");
            Map<String, Fault> faults = Faults.all(stack, databases, new Duplicator(clients, options.bootstrap()),
                    new Poison(clients, options.bootstrap(), broker, deadLetters), brokerCluster);
            if (!brokerCluster) {
                System.out.println("faults: one Kafka broker, so no broker-kill (HOUSECALL_KAFKA_BROKERS=3 runs the"
                        + " three-broker cluster it needs)");
            }
            List<String> selected = Faults.select(faults.keySet(), suite.only());
            Drain drain = new Drain(broker, databases);
            ScenarioRun scenarios = new ScenarioRun(new ScenarioRun.Platform(options,
                    () -> new Pipeline(options, http, tokens, shape, 8), clients, broker, new Invariants(databases),
                    deadLetters, drain));
            System.out.printf("faults: %s at %s consultations a second, %d each, against %s: %s%n",
                    selected.size() + " scenarios", options.rate(), options.count(), options.gateway(), selected);
            Roster.Outcome roster = new Roster(http, options.gateway(), tokens).ensure(shape.areas(),
                    suite.rosterPerState());
            System.out.printf("faults: roster: %d extra nurses a state: %d added, %d were there%n",
                    suite.rosterPerState(), roster.added(), roster.present());
            new Pipeline(options, http, tokens, shape).warmUp();
            System.out.println("faults: before the first scenario: " + drain.await(ScenarioRun.DRAIN_LIMIT).describe());
            long budgetEnds = System.nanoTime() + suite.budget().toNanos();
            for (String name : selected) {
                if (System.nanoTime() > budgetEnds) {
                    skipped.add(name);
                    continue;
                }
                Outcome outcome = scenarios.run(name, faults.get(name));
                outcomes.add(outcome);
                System.out.println(outcome.line());
                outcome.violations().stream().limit(20).forEach(v -> System.out.println("  violation: " + v));
            }
        } finally {
            refresher.shutdownNow();
            Path report = options.reports().resolve("faults-" + started.toString().replace(':', '-') + ".json");
            Files.writeString(report, ("{\"startedAt\": \"%s\", \"rate\": %s, \"consultations\": %d, "
                    + "\"scenarios\": [%s]}\n").formatted(started, options.rate(), options.count(),
                            String.join(",\n ", outcomes.stream().map(Outcome::json).toList())));
            System.out.println("faults: report " + report);
        }
        long failed = outcomes.stream().filter(o -> !o.violations().isEmpty()).count();
        System.out.printf("faults: %d of %d scenarios kept every invariant%n", outcomes.size() - failed,
                outcomes.size());
        if (!skipped.isEmpty()) {
            System.out.printf("faults: not run, over the %d-minute budget: %s%n", suite.budget().toMinutes(), skipped);
        }
        return failed == 0 && skipped.isEmpty();
    }
}
