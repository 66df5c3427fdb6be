package com.housecall.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The open model: referrals ({@code POST /api/referrals}, FHIR) through the gateway at fixed times
 * ({@link Schedule}), never waiting for an answer before the next; each accepted one is timed from its POST to its
 * consultation's first terminal status (the referral's id is the consultation's).
 */
public final class Pipeline {

    /**
     * What a run did: refusals in the end and, when retrying, the refusals retried after (by answer); the
     * {@code consultations} are the accepted ones (their ids).
     */
    public record Result(int sent, int accepted, Map<String, Integer> refused, Map<String, Integer> retried,
                         int confirmed, int unfulfilled,
                         Latencies latencies, double terminalPerSecond, List<String> missing,
                         List<String> consultations) {

        public int terminal() {
            return confirmed + unfulfilled;
        }

        public String json() {
            return ("{\"sent\": %d, \"accepted\": %d, \"refused\": %s, \"retried\": %s, \"terminal\": %d, "
                    + "\"confirmed\": %d, \"unfulfilled\": %d, \"terminalPerSecond\": %.1f, \"latency\": %s}")
                    .formatted(sent, accepted, Json.object(refused), Json.object(retried), terminal(), confirmed,
                            unfulfilled, terminalPerSecond, latencies.json());
        }
    }

    private static final java.util.Set<Integer> RETRIED = java.util.Set.of(429, 502, 503, 504);

    private final int attempts;
    private final Options options;
    private final HttpClient http;
    private final Tokens tokens;
    private final LoadShape shape;

    public Pipeline(Options options, HttpClient http, Tokens tokens, LoadShape shape) {
        this(options, http, tokens, shape, 1);
    }

    /**
     * With {@code attempts} tries per referral, as a partner clinic retries ({@link #retryDelay}; the fault suite: 8
     * tries over about three minutes, longer than a service takes to restart on a busy machine).
     */
    public Pipeline(Options options, HttpClient http, Tokens tokens, LoadShape shape, int attempts) {
        this.attempts = attempts;
        this.options = options;
        this.http = http;
        this.tokens = tokens;
        this.shape = shape;
    }

    /**
     * One referral, untimed, answered before the clock starts: a service just started answers its first request late
     * (the gateway then says 504), as bin/demo-consultation knows. Sent again with the same identifier, which
     * answers the first referral rather than making a second.
     */
    public void warmUp() throws IOException, InterruptedException {
        String id = "bench-warm-up-" + Long.toString(System.currentTimeMillis(), 36);
        for (int attempt = 1; ; attempt++) {
            int status = http.send(post(0, id), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200 || status == 201) {
                return;
            }
            if (attempt == 5 || status < 502 || status > 504) {
                throw new IOException("the warm-up referral was answered HTTP " + status);
            }
        }
    }

    public Result run(Terminals terminals) throws InterruptedException {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        ConcurrentMap<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Integer> refused = new TreeMap<>();
        Map<String, Integer> retried = new TreeMap<>();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        long began = System.nanoTime();
        Schedule.atRate(options.rate(), options.count(), n -> {
            long at = System.nanoTime();
            answers.add(send(n, "bench-" + runId + "-" + n, 1).thenAccept(outcome -> {
                if (outcome.id() != null) {
                    sentAt.put(outcome.id(), at);
                }
                synchronized (refused) {
                    outcome.retriedAfter().forEach(why -> retried.merge(why, 1, Integer::sum));
                    if (outcome.id() == null) {
                        refused.merge(outcome.refusal(), 1, Integer::sum);
                    }
                }
            }));
        });
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        long deadline = System.nanoTime() + options.drain().toNanos();
        while (sentAt.keySet().stream().anyMatch(id -> terminals.of(id) == null) && System.nanoTime() < deadline) {
            Thread.sleep(100); // the harness waiting for the broker, not a test
        }
        return result(options.count(), sentAt, refused, retried, terminals, began);
    }

    /** The consultation's id, or why it was refused in the end; and why it was sent again before that. */
    record Answer(String id, String refusal, boolean retriable, List<String> retriedAfter) {
    }

    /**
     * One referral; with {@code attempts} above one, sent again with the same identifier (the same consultation,
     * never a second one) after a refusal a partner clinic would retry: no answer, 429, 502, 503 or 504.
     */
    CompletableFuture<Answer> send(int n, String identifier, int attempt) {
        return http.sendAsync(post(n, identifier), HttpResponse.BodyHandlers.ofString()).handle((answer, failure) -> {
            boolean created = answer != null && (answer.statusCode() == 201 || answer.statusCode() == 200);
            String id = created ? Json.field(answer.body(), "id") : null; // 200: a retry of an accepted one
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            String why = id != null ? null
                    : answer == null ? cause.getClass().getSimpleName() : "HTTP " + answer.statusCode();
            boolean retriable = answer == null || RETRIED.contains(answer.statusCode());
            return new Answer(id, why, retriable, List.of());
        }).thenCompose(answer -> {
            if (answer.id() != null || !answer.retriable() || attempt >= attempts) {
                return CompletableFuture.completedFuture(answer);
            }
            var later = CompletableFuture.delayedExecutor(retryDelay(attempt).toMillis(), TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> send(n, identifier,
                    attempt + 1)).thenApply(next -> new Answer(next.id(), next.refusal(), next.retriable(),
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(answer.refusal()),
                            next.retriedAfter().stream()).toList()));
        });
    }

    /**
     * The wait before try {@code attempt + 1}: 2, 4, 8, 16, 32, then 60 s, each a quarter shorter or longer at
     * random, as clients back off. In step, the referrals refused in one second all came back in one second: booking,
     * restarted after a kill, refused 175 in ten seconds and then had no referral to take for 25 s.
     */
    static Duration retryDelay(int attempt) {
        long seconds = Math.min(1L << attempt, 60);
        return Duration.ofMillis(Math.round(seconds * 1000 * (0.75 + 0.5 * ThreadLocalRandom.current().nextDouble())));
    }

    private HttpRequest post(int n, String id) {
        return HttpRequest.newBuilder(URI.create(options.gateway() + "/api/referrals"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.forReferral(n))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(shape.referral(n, id))).build();
    }

    private static Result result(int sent, Map<String, Long> sentAt, Map<String, Integer> refused,
                                 Map<String, Integer> retried, Terminals terminals, long began) {
        List<Long> latencies = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int confirmed = 0;
        long last = began;
        for (Map.Entry<String, Long> e : sentAt.entrySet()) {
            Terminals.Terminal terminal = terminals.of(e.getKey());
            if (terminal == null) {
                missing.add(e.getKey());
                continue;
            }
            latencies.add(terminal.atNanos() - e.getValue());
            confirmed += terminal.type().equals(Terminals.CONFIRMED) ? 1 : 0;
            last = Math.max(last, terminal.atNanos());
        }
        double seconds = Math.max(1e-9, (last - began) / 1e9);
        return new Result(sent, sentAt.size(), refused, retried, confirmed, latencies.size() - confirmed,
                Latencies.of(latencies), latencies.size() / seconds, missing, List.copyOf(sentAt.keySet()));
    }
}
