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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The open model: referrals ({@code POST /api/referrals}, FHIR) through the gateway at fixed times
 * ({@link Schedule}), never waiting for an answer before the next; each accepted one is timed from its POST to its
 * consultation's first terminal status (the referral's id is the consultation's).
 */
final class Pipeline {

    record Result(int sent, int accepted, Map<String, Integer> refused, int confirmed, int unfulfilled,
                  Latencies latencies, double terminalPerSecond, List<String> missing) {

        int terminal() {
            return confirmed + unfulfilled;
        }

        String json() {
            return ("{\"sent\": %d, \"accepted\": %d, \"refused\": %s, \"terminal\": %d, \"confirmed\": %d, "
                    + "\"unfulfilled\": %d, \"terminalPerSecond\": %.1f, \"latency\": %s}").formatted(sent, accepted,
                    Json.object(refused), terminal(), confirmed, unfulfilled, terminalPerSecond, latencies.json());
        }
    }

    private final Options options;
    private final HttpClient http;
    private final Tokens tokens;
    private final LoadShape shape;

    Pipeline(Options options, HttpClient http, Tokens tokens, LoadShape shape) {
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
    void warmUp() throws IOException, InterruptedException {
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

    Result run(Terminals terminals) throws InterruptedException {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        ConcurrentMap<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Integer> refused = new TreeMap<>();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        long began = System.nanoTime();
        Schedule.atRate(options.rate(), options.count(), n -> {
            long at = System.nanoTime();
            var sent = http.sendAsync(post(n, "bench-" + runId + "-" + n), HttpResponse.BodyHandlers.ofString());
            answers.add(sent.handle((answer, failure) -> {
                String id = answer == null || answer.statusCode() != 201 ? null : Json.field(answer.body(), "id");
                if (id != null) {
                    sentAt.put(id, at);
                } else {
                    String why = answer == null ? failure.getClass().getSimpleName() : "HTTP " + answer.statusCode();
                    synchronized (refused) {
                        refused.merge(why, 1, Integer::sum);
                    }
                }
                return null;
            }));
        });
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        long deadline = System.nanoTime() + options.drain().toNanos();
        while (sentAt.keySet().stream().anyMatch(id -> terminals.of(id) == null) && System.nanoTime() < deadline) {
            Thread.sleep(100); // the harness waiting for the broker, not a test
        }
        return result(options.count(), sentAt, refused, terminals, began);
    }

    private HttpRequest post(int n, String id) {
        return HttpRequest.newBuilder(URI.create(options.gateway() + "/api/referrals"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.forReferral(n))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(shape.referral(n, id))).build();
    }

    private static Result result(int sent, Map<String, Long> sentAt, Map<String, Integer> refused,
                                 Terminals terminals, long began) {
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
        return new Result(sent, sentAt.size(), refused, confirmed, latencies.size() - confirmed,
                Latencies.of(latencies), latencies.size() / seconds, missing);
    }
}
