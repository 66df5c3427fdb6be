package com.housecall.faults;

import com.housecall.benchmarks.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The operator console through the gateway, as an operator replays a dead letter. */
final class Console {

    private final HttpClient http;
    private final String gateway;
    private final Tokens tokens;

    Console(HttpClient http, String gateway, Tokens tokens) {
        this.http = http;
        this.gateway = gateway;
        this.tokens = tokens;
    }

    /**
     * Replays one dead letter (waiting up to 60 s for the console to have read it: 404 until then): 200 the first
     * time, 409 the second (CONTRACT.md section 8). Violations, one line each.
     */
    List<String> replayOnce(String id) {
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int first;
            do {
                first = replay(id);
                if (first == 404) {
                    Thread.sleep(1000); // the console's dead-letter listener has not stored it yet
                }
            } while (first == 404 && System.nanoTime() < deadline);
            int second = replay(id);
            if (first != 200 || second != 409) {
                return List.of("replaying dead letter " + id + " answered " + first + ", then " + second
                        + " (expected 200, then 409)");
            }
            System.out.printf("faults: poison: dead letter %s replayed (200, then 409)%n", id);
            return List.of();
        } catch (IOException e) {
            return List.of("replaying dead letter " + id + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("interrupted while replaying dead letter " + id);
        }
    }

    private int replay(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/ops/dead-letters/" + id + "/replay"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + tokens.operator())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
