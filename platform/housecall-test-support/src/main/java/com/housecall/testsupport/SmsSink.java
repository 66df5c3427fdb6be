package com.housecall.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    private static final String LOOPBACK = "127.0.0.1";
    private static final String MESSAGES_PATH = "/2010-04-01/Accounts/";
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    /**
     * One accepted message: the form exactly as posted, and the Authorization header that came with it.
     *
     * @param form every form field, in the order posted
     */
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

    private SmsSink(int port, String accountSid, String authToken) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        http = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 0);
        http.createContext("/", this::handle);
        http.setExecutor(httpThreads);
    }

    /** Starts the sink on {@code port} (0 picks a free one, see {@link #port()}). */
    public static SmsSink start(int port, String accountSid, String authToken) throws IOException {
        SmsSink sink = new SmsSink(port, accountSid, authToken);
        sink.http.start();
        return sink;
    }

    /** With the development credentials {@value #DEFAULT_ACCOUNT_SID}:{@value #DEFAULT_AUTH_TOKEN}. */
    public static SmsSink start(int port) throws IOException {
        return start(port, DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN);
    }

    /**
     * {@code HOUSECALL_SMS_PORT} (default 8026), {@code HOUSECALL_SMS_ACCOUNT_SID} (default {@value
     * #DEFAULT_ACCOUNT_SID}), {@code HOUSECALL_SMS_AUTH_TOKEN} (default {@value #DEFAULT_AUTH_TOKEN}).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        SmsSink sink = start(Integer.parseInt(env("HOUSECALL_SMS_PORT", "8026")),
                env("HOUSECALL_SMS_ACCOUNT_SID", DEFAULT_ACCOUNT_SID), env("HOUSECALL_SMS_AUTH_TOKEN", DEFAULT_AUTH_TOKEN));
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

    /**
     * Twilio's request signature: HMAC-SHA1 with the auth token over the URL followed by each POST parameter's
     * name and value, sorted by name, base64-encoded.
     */
    public static String signature(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/messages") || path.equals("/api/messages/")) {
                switch (method) {
                    case "GET" -> respond(exchange, 200, list());
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
        if (!authorized(authorization) || !pathAccountSid.equals(accountSid)) {
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
        String to = form.get("To");
        String from = form.get("From");
        String service = form.get("MessagingServiceSid");
        String body = form.get("Body");
        if (to == null || to.isBlank()) {
            respond(exchange, 400, error(21604, "A 'To' phone number is required.", 400));
            return;
        }
        if ((from == null || from.isBlank()) && (service == null || service.isBlank())) {
            respond(exchange, 400, error(21603, "A 'From' phone number is required.", 400));
            return;
        }
        if (body == null || body.isEmpty()) {
            respond(exchange, 400, error(21602, "Message body is required.", 400));
            return;
        }
        if (to.equals(INVALID_NUMBER) || !to.matches("\\+[1-9][0-9]{6,14}")) {
            respond(exchange, 400, error(21211, "The 'To' number " + to + " is not a valid phone number.", 400));
            return;
        }
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

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] expected = (accountSid + ":" + authToken).getBytes(UTF_8);
        try {
            byte[] given = Base64.getDecoder().decode(authorization.substring(6).strip());
            return MessageDigest.isEqual(expected, given);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void postStatus(String url, Received message) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", message.sid());
        params.put("SmsSid", message.sid());
        params.put("AccountSid", message.accountSid());
        params.put("From", message.from());
        params.put("To", message.to());
        params.put("MessageStatus", "delivered");
        params.put("SmsStatus", "delivered");
        params.put("ApiVersion", "2010-04-01");
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

    private String messageJson(Received message, String messagingServiceSid) {
        String created = RFC_2822.format(message.receivedAt().atOffset(ZoneOffset.UTC));
        String uri = MESSAGES_PATH + accountSid + "/Messages/" + message.sid() + ".json";
        int segments = message.body().length() <= 160 ? 1 : (message.body().length() + 152) / 153;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("api_version", "2010-04-01");
        json.put("body", message.body());
        json.put("date_created", created);
        json.put("date_sent", null);
        json.put("date_updated", created);
        json.put("direction", "outbound-api");
        json.put("error_code", null);
        json.put("error_message", null);
        json.put("from", message.from().isEmpty() ? null : message.from());
        json.put("messaging_service_sid", messagingServiceSid);
        json.put("num_media", "0");
        json.put("num_segments", Integer.toString(segments));
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("sid", message.sid());
        json.put("status", "queued");
        json.put("subresource_uris", Map.of("media", uri.replace(".json", "/Media.json")));
        json.put("to", message.to());
        json.put("uri", uri);
        return json(json);
    }

    private String list() {
        return messages().stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sid", m.sid());
            item.put("to", m.to());
            item.put("from", m.from());
            item.put("body", m.body());
            item.put("receivedAt", DateTimeFormatter.ISO_INSTANT.format(m.receivedAt()));
            return json(item);
        }).collect(Collectors.joining(",", "[", "]"));
    }

    private static String error(int code, String message, int status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("message", message);
        json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        json.put("status", status);
        return json(json);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }

    static String formEncode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
    }

    @SuppressWarnings("unchecked")
    static String json(Map<String, ?> object) {
        StringBuilder out = new StringBuilder("{");
        object.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(name)).append(':');
            switch (value) {
                case null -> out.append("null");
                case Number number -> out.append(number);
                case Map<?, ?> map -> out.append(json((Map<String, ?>) map));
                default -> out.append(quote(value.toString()));
            }
        });
        return out.append('}').toString();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        exchange.sendResponseHeaders(405, -1);
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

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
