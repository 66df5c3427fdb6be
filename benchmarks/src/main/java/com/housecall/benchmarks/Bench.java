package com.housecall.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code bin/housecall bench}: against the running platform ({@code bin/housecall up}), consultations at a fixed
 * arrival rate timed to their first terminal status, then the bare relay chain at the same rate; a JSON report
 * under {@code .housecall/bench/} and one summary line. Exits non-zero unless every consultation was accepted and
 * reached a terminal status (the CI gate of {@code --short}, DECISIONS 22).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(System.getenv().getOrDefault("HOUSECALL_STATE",
                Path.of(System.getProperty("housecall.root", ".")).resolve(".housecall").toString()));
        Options options;
        try {
            options = Options.parse(Arrays.asList(args), System.getenv(), state);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options) ? 0 : 1);
    }

    static boolean run(Options options) throws Exception {
        KafkaClients clients = new KafkaClients();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Tokens tokens = new Tokens(http, options.keycloak());
        tokens.refresh();
        LoadShape shape = new LoadShape(LocalDate.now(ZoneOffset.UTC));
        if (options.rosterPerState() > 0) {
            ensureRoster(options, http, tokens, shape);
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        System.out.printf("bench: %s consultations a second for %d s through %s (%d), then the bare %d-hop relay%n",
                options.rate(), options.duration().toSeconds(), options.gateway(), options.count(), BareRelay.HOPS);
        ScheduledExecutorService refresher = tokens.refreshEveryMinute("bench");
        Pipeline.Result pipeline;
        try (Terminals terminals = new Terminals(clients, options.bootstrap())) {
            Pipeline load = new Pipeline(options, http, tokens, shape, ATTEMPTS);
            load.warmUp();
            pipeline = load.run(terminals);
        } finally {
            refresher.shutdownNow();
        }
        double[] loadDuringPipeline = loadAverage();
        Latencies bare = new BareRelay(clients, options.bootstrap()).run(options.rate(), options.count());
        Path report = write(options, started, pipeline, bare, loadDuringPipeline, clients);
        System.out.println(summary(options, pipeline, bare, loadDuringPipeline, report));
        boolean complete = pipeline.accepted() == pipeline.sent() && pipeline.missing().isEmpty();
        if (!complete) {
            System.err.printf("bench: %d of %d consultations refused %s, %d without a terminal status%s%n",
                    pipeline.sent() - pipeline.accepted(), pipeline.sent(), pipeline.refused(),
                    pipeline.missing().size(), hint(pipeline));
        }
        return complete;
    }

    /**
     * Tries a referral gets, as a partner clinic would retry an overloaded platform's 503 (Retry-After) or a
     * gateway's 502/504: after 2, 4, 8, 16 and 32 s, with the same identifier; its latency still counts from the
     * first try. Each service takes six API requests at once and refuses one that waited 2 s for its turn
     * (ApiConcurrencyLimit), which a machine as loaded as CI's right after {@code up} (load average 23) does: 7 of 75
     * in one run; with three more tries (14 s), 1 of 300 at 10 a second was still refused after the fourth.
     */
    static final int ATTEMPTS = 6;

    /** {@code --roster N}: before the clock starts, N extra nurses in each state (DECISIONS 24). */
    private static void ensureRoster(Options options, HttpClient http, Tokens tokens, LoadShape shape)
            throws IOException, InterruptedException {
        Roster.Outcome roster = new Roster(http, options.gateway(), tokens).ensure(shape.areas(),
                options.rosterPerState());
        System.out.printf("bench: roster: %d extra nurses a state in %d states: %d added, %d were there%n",
                options.rosterPerState(), shape.areas().size(), roster.added(), roster.present());
    }

    /** The 1, 5 and 15 minute load averages (Linux), or nothing elsewhere. */
    static double[] loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                    Double.parseDouble(fields[2])};
        } catch (IOException | RuntimeException e) {
            return new double[0];
        }
    }

    private static String hint(Pipeline.Result pipeline) {
        List<String> limits = pipeline.refused().keySet().stream()
                .filter(why -> why.equals("HTTP 429") || why.equals("HTTP 409")).toList();
        return limits.isEmpty() ? "" : " (429/409: the stack runs with the per-patient limits; see the README's "
                + "bench section for the settings up needs)";
    }

    static String summary(Options options, Pipeline.Result pipeline, Latencies bare, double[] load, Path report) {
        String retried = pipeline.retried().isEmpty() ? "nothing" : pipeline.retried().toString();
        return ("bench: %s/s for %d s: %d/%d terminal (%d confirmed, %d unfulfilled, retried after %s), %s; "
                + "%.1f terminal/s; bare %d-hop relay p50 %s ms, p99 %s ms; p50 ratio %s; load %s; report %s")
                .formatted(options.rate(), options.duration().toSeconds(), pipeline.terminal(), pipeline.sent(),
                pipeline.confirmed(), pipeline.unfulfilled(), retried, pipeline.latencies().summary(),
                pipeline.terminalPerSecond(), BareRelay.HOPS, bare.p50(), bare.p99(), ratio(pipeline, bare),
                Arrays.toString(load), report);
    }

    private static String ratio(Pipeline.Result pipeline, Latencies bare) {
        return bare.p50() > 0 ? "%.1f".formatted(pipeline.latencies().p50() / bare.p50()) : "n/a";
    }

    private static Path write(Options options, Instant started, Pipeline.Result pipeline, Latencies bare,
                              double[] load, KafkaClients clients) throws IOException {
        Files.createDirectories(options.reports());
        Path file = options.reports().resolve("bench-" + started.toString().replace(':', '-') + ".json");
        Files.writeString(file, """
                {"startedAt": "%s", "short": %s, "rate": %s, "durationSeconds": %d, "rosterPerState": %d,
                 "pipeline": %s,
                 "bareRelay": {"hops": %d, "latency": %s},
                 "p50RatioToBareRelay": %s,
                 "loadAverage": %s,
                 "kafkaClients": %s}
                """.formatted(started, options.quick(), options.rate(), options.duration().toSeconds(),
                options.rosterPerState(), pipeline.json(), BareRelay.HOPS, bare.json(),
                ratio(pipeline, bare).replace("n/a", "null"),
                Arrays.toString(load), clients.json()));
        return file;
    }
}
