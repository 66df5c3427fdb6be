package com.housecall.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for every service behind the gateway: records each request it receives and answers 200 with it as JSON
 * ({@code method}, {@code path}, {@code query}, {@code headers} by lower-case name, {@code bodyLength}), or with a
 * status queued by {@link #failNext}; a query {@code delayMs=<n>} makes it a slow service. One per test JVM.
 */
final class StubBackend {

    record Received(String method, String path, Map<String, String> headers, int bodyLength) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final StubBackend SHARED = new StubBackend();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("stub-backend-later").daemon().factory());

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private volatile boolean ready = true;
    private volatile boolean slowReadiness;

    private StubBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    static StubBackend shared() {
        return SHARED;
    }

    /** Another backend: an instance of a service that has more than one. */
    static StubBackend another() {
        return new StubBackend();
    }

    /** Nothing listens on its port any more, as after a kill -9. */
    void stop() {
        server.stop(0);
    }

    /** Its readiness ({@code /actuator/health/readiness}) answers 503 from now on, as a draining service's does. */
    void notReady() {
        ready = false;
    }

    /** Its readiness never answers, as a busy service's may not within the check's interval; the rest does. */
    void slowReadiness() {
        slowReadiness = true;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    void reset() {
        received.clear();
        synchronized (failures) {
            failures.clear();
        }
    }

    /** The next requests answer these statuses (with an empty JSON body), in order, before the echo resumes. */
    void failNext(int... statuses) {
        synchronized (failures) {
            for (int status : statuses) {
                failures.add(status);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        int length;
        try (InputStream body = exchange.getRequestBody()) {
            length = body.readAllBytes().length;
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                headers, length);
        received.add(request);
        Integer failure;
        synchronized (failures) {
            failure = failures.poll();
        }
        boolean unready = !ready && request.path().equals("/actuator/health/readiness");
        int status = failure != null ? failure : unready ? 503 : 200;
        byte[] answer = failure != null ? "{}".getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(Map.of("method", request.method(), "path", request.path(),
                        "query", String.valueOf(exchange.getRequestURI().getRawQuery()),
                        "headers", headers, "bodyLength", length));
        String query = exchange.getRequestURI().getRawQuery();
        if (slowReadiness && request.path().equals("/actuator/health/readiness")) {
            return; // the exchange stays open until the gateway gives up on it
        }
        if (query != null && query.startsWith("delayMs=")) {
            // a slow service: it answers later, from another thread, while the exchange stays open
            LATER.schedule(() -> respond(exchange, status, answer),
                    Long.parseLong(query.substring("delayMs=".length())), TimeUnit.MILLISECONDS);
        } else {
            respond(exchange, status, answer);
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] answer) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException e) {
            // the gateway gave up waiting and closed the connection: that is what slow-service tests expect
        }
    }
}
