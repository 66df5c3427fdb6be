package com.housecall.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part's management port under test (CONTRACT.md section 13): health and Prometheus asked without a token, and
 * the samples of a scrape read by name and labels.
 */
public final class ManagementPort {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ManagementPort() {
    }

    /** {@code GET http://127.0.0.1:<port><path>} without a token. */
    public static HttpResponse<String> get(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Prometheus text of the part on {@code managementPort}. */
    public static String scrape(int managementPort) {
        HttpResponse<String> response = get(managementPort, "/actuator/prometheus");
        assertThat(response.statusCode()).as("/actuator/prometheus without a token").isEqualTo(200);
        return response.body();
    }

    /**
     * The sum of the samples called {@code name} that carry every label pair given ({@code "outcome", "ELIGIBLE"});
     * 0 when there is none, as for a counter not yet incremented.
     */
    public static double sum(String scrape, String name, String... labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.find() && sample.group(1).equals(name) && carries(sample.group(3), labels)) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }

    /** Whether the scrape has any sample called {@code name}. */
    public static boolean has(String scrape, String name) {
        return scrape.lines().map(SAMPLE::matcher).anyMatch(sample -> sample.find() && sample.group(1).equals(name));
    }

    /**
     * The checks every part passes: ready, health and metrics without a token on the management port, with the JVM
     * and HTTP server metrics and {@code metrics}; on the service port health answers and metrics stay closed.
     */
    public static void assertServes(int managementPort, int servicePort, String... metrics) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                get(managementPort, "/actuator/health/readiness").body()).contains("\"UP\""));
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(servicePort, "/actuator/health").body()).as("health on the service port").contains("\"UP\"");
        assertThat(get(servicePort, "/actuator/prometheus").statusCode()).as("no metrics on the service port")
                .isIn(401, 404);
        String scrape = scrape(managementPort);
        for (String metric : new String[] {"jvm_memory_used_bytes", "jvm_threads_live_threads",
                "http_server_requests_seconds_count"}) {
            assertThat(has(scrape, metric)).as(metric).isTrue();
        }
        for (String metric : metrics) {
            assertThat(has(scrape, metric)).as(metric).isTrue();
        }
    }

    /**
     * {@link #assertServes} for a service on housecall-messaging: also its outbox gauges, its JDBC pool and its Kafka
     * consumers (the producer's metrics appear with its first send).
     */
    public static void assertServiceServes(int managementPort, int servicePort, String... metrics) {
        List<String> all = new ArrayList<>(List.of("housecall_outbox_pending", "housecall_outbox_age_seconds",
                "hikaricp_connections_active", "kafka_consumer_fetch_manager_records_consumed_total"));
        all.addAll(List.of(metrics));
        assertServes(managementPort, servicePort, all.toArray(String[]::new));
    }

    private static boolean carries(String labelText, String... labels) {
        Map<String, String> present = new HashMap<>();
        if (labelText != null) {
            Matcher label = LABEL.matcher(labelText);
            while (label.find()) {
                present.put(label.group(1), label.group(2));
            }
        }
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!labels[i + 1].equals(present.get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
