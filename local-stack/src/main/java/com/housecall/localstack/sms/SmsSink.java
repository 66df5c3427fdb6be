package com.housecall.localstack.sms;

import static com.housecall.localstack.sms.TwilioWire.authorized;
import static com.housecall.localstack.sms.TwilioWire.deliveredCallback;
import static com.housecall.localstack.sms.TwilioWire.error;
import static com.housecall.localstack.sms.TwilioWire.formEncode;
import static com.housecall.localstack.sms.TwilioWire.invalidMessage;
import static com.housecall.localstack.sms.TwilioWire.list;
import static com.housecall.localstack.sms.TwilioWire.messageJson;
import static com.housecall.localstack.sms.TwilioWire.methodNotAllowed;
import static com.housecall.localstack.sms.TwilioWire.parseForm;
import static com.housecall.localstack.sms.TwilioWire.respond;
import static com.housecall.localstack.sms.TwilioWire.signature;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.localstack.Env;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for Twilio's Messages API (CONTRACT.md sections 1 and 10), JDK only, so people and tests can see what
 * was sent by SMS.
 *
 * <pre>
 * POST   /2010-04-01/Accounts/{AccountSid}/Messages.json   form To, From | MessagingServiceSid, Body, StatusCallback;
 *        basic auth AccountSid:AuthToken (401 otherwise); 201 with Twilio's Message JSON; To +15005550001 answers
 *        400 code 21211; with a StatusCallback, a signed MessageStatus=delivered is posted there shortly after
 * GET    /api/messages   [{"sid","to","from","body","receivedAt"}], oldest first
 * DELETE /api/messages   forgets them all (204)
 * GET    /health         200 {"status":"UP"}
 * </pre>
 */
public final class SmsSink implements AutoCloseable {

    /** Twilio's magic test number that is not a valid phone number. */
    public static final String INVALID_NUMBER = "+15005550001";
    public static final String DEFAULT_ACCOUNT_SID = "ACdev";
    public static final String DEFAULT_AUTH_TOKEN = "dev-token";

    private static final String LOOPBACK = Env.LOOPBACK;
    static final String MESSAGES_PATH = "/2010-04-01/Accounts/";

    /** One accepted message: the form exactly as posted (every field, in order), and its Authorization header. */
    public record Received(String sid, String accountSid, String to, String from, String body, Instant receivedAt,
                           Map<String, String> form, String authorization) {

        public String field(String name) {
            return form.get(name);
        }
    }

    /** A status callback the sink posted, and the status code it got back (0 when the post failed). */
    public record Callback(String url, Map<String, String> params, String signature, int status) {
    }

    private final String accountSid;
    private final String authToken;
    private final HttpServer http;
    private final ExecutorService httpThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService callbacks =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sms-sink-callbacks").daemon().factory());
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();
    private final List<Received> messages = new ArrayList<>();
    private final List<Callback> callbacksSent = new ArrayList<>();
    private volatile Duration responseDelay = Duration.ZERO;
    private volatile Duration callbackDelay = Duration.ofMillis(500);

    private SmsSink(String host, int port, String accountSid, String authToken) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        http = HttpServer.create(new InetSocketAddress(host, port), 0);
        http.createContext("/", this::handle);
        http.setExecutor(httpThreads);
    }

    /** Starts the sink on loopback's {@code port} (0 picks a free one, see {@link #port()}). */
    public static SmsSink start(int port, String accountSid, String authToken) throws IOException {
        return start(LOOPBACK, port, accountSid, authToken);
    }

    /** On {@code host}: loopback, or 0.0.0.0 in a container, whose network is the boundary. */
    public static SmsSink start(String host, int port, String accountSid, String authToken) throws IOException {
        SmsSink sink = new SmsSink(host, port, accountSid, authToken);
        sink.http.start();
        return sink;
    }

    /** With the development credentials {@value #DEFAULT_ACCOUNT_SID}:{@value #DEFAULT_AUTH_TOKEN}. */
    public static SmsSink start(int port) throws IOException {
        return start(port, DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN);
    }

    /**
     * {@code HOUSECALL_SMS_PORT} (default 8026), {@code HOUSECALL_SMS_ACCOUNT_SID} (default {@value
     * #DEFAULT_ACCOUNT_SID}), {@code HOUSECALL_SMS_AUTH_TOKEN} (default {@value #DEFAULT_AUTH_TOKEN}),
     * {@code HOUSECALL_BIND_ADDRESS} (default loopback).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        SmsSink sink = start(Env.bindAddress(), Env.port("HOUSECALL_SMS_PORT", 8026),
                Env.get("HOUSECALL_SMS_ACCOUNT_SID", DEFAULT_ACCOUNT_SID),
                Env.get("HOUSECALL_SMS_AUTH_TOKEN", DEFAULT_AUTH_TOKEN));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sink.close();
            stopped.countDown();
        }));
        System.out.printf("SMS sink: Twilio Messages API at %s, messages at %s/api/messages%n", sink.baseUrl(),
                sink.baseUrl());
        stopped.await();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** What {@code housecall.sms.base-url} should be to send here. */
    public String baseUrl() {
        return "http://" + LOOPBACK + ":" + port();
    }

    public String accountSid() {
        return accountSid;
    }

    public String authToken() {
        return authToken;
    }

    /** Answers every message only after {@code delay}: a client with a shorter read timeout never learns the sid. */
    public void respondAfter(Duration delay) {
        this.responseDelay = delay;
    }

    /** How long after accepting a message its status callback is posted (default 500 ms). */
    public void callbackAfter(Duration delay) {
        this.callbackDelay = delay;
    }

    /** The accepted messages, oldest first. */
    public List<Received> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    public List<Received> messagesTo(String to) {
        return messages().stream().filter(m -> m.to().equals(to)).toList();
    }

    public List<Callback> callbacks() {
        synchronized (callbacksSent) {
            return List.copyOf(callbacksSent);
        }
    }

    public void clear() {
        synchronized (messages) {
            messages.clear();
        }
        synchronized (callbacksSent) {
            callbacksSent.clear();
        }
    }

    @Override
    public void close() {
        http.stop(0);
        callbacks.shutdownNow();
        httpThreads.close();
        client.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/messages") || path.equals("/api/messages/")) {
                switch (method) {
                    case "GET" -> respond(exchange, 200, list(messages()));
                    case "DELETE" -> {
                        clear();
                        exchange.sendResponseHeaders(204, -1);
                    }
                    default -> methodNotAllowed(exchange, "GET, DELETE");
                }
            } else if (path.equals("/health")) {
                respond(exchange, 200, "{\"status\":\"UP\"}");
            } else if (path.startsWith(MESSAGES_PATH) && path.endsWith("/Messages.json")) {
                if (method.equals("POST")) {
                    createMessage(exchange, path.substring(MESSAGES_PATH.length(), path.length() - "/Messages.json".length()));
                } else {
                    methodNotAllowed(exchange, "POST");
                }
            } else {
                respond(exchange, 404, error(20404, "The requested resource " + path + " was not found", 404));
            }
        }
    }

    private void createMessage(HttpExchange exchange, String pathAccountSid) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!authorized(authorization, accountSid, authToken) || !pathAccountSid.equals(accountSid)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            respond(exchange, 401, error(20003, "Authenticate", 401));
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            respond(exchange, 415, error(20415, "Unsupported Media Type", 415));
            return;
        }
        Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
        String invalid = invalidMessage(form);
        if (invalid != null) {
            respond(exchange, 400, invalid);
            return;
        }
        String to = form.get("To");
        String from = form.get("From");
        String service = form.get("MessagingServiceSid");
        String body = form.get("Body");
        sleep(responseDelay);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String sid = "SM" + HexFormat.of().formatHex(randomBytes());
        Received received = new Received(sid, accountSid, to, from == null ? "" : from, body, now, form, authorization);
        synchronized (messages) {
            messages.add(received);
        }
        String callback = form.get("StatusCallback");
        if (callback != null && !callback.isBlank()) {
            callbacks.schedule(() -> postStatus(callback, received), callbackDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
        respond(exchange, 201, messageJson(received, service));
    }

    private void postStatus(String url, Received message) {
        Map<String, String> params = deliveredCallback(message);
        String signature = signature(authToken, url, params);
        int status;
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                            .header("X-Twilio-Signature", signature)
                            .header("User-Agent", "TwilioProxy/1.1")
                            .POST(HttpRequest.BodyPublishers.ofString(formEncode(params))).build(),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (callbacksSent) {
            callbacksSent.add(new Callback(url, params, signature, status));
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
