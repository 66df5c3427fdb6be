package com.housecall.localstack.sms;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Twilio's wire format as the {@link SmsSink} speaks it: form bodies in, JSON and Twilio's error shape out. */
final class TwilioWire {

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private TwilioWire() {
    }

    /**
     * Twilio's request signature: HMAC-SHA1 with the auth token over the URL followed by each POST parameter's
     * name and value, sorted by name, base64-encoded.
     */
    static String signature(String authToken, String url, Map<String, String> params) {
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
    /** HTTP Basic with the account sid and auth token, compared in constant time. */
    static boolean authorized(String authorization, String accountSid, String authToken) {
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
    /** Twilio's 400 answer to a message it would refuse, or null when the form is a message it takes. */
    static String invalidMessage(Map<String, String> form) {
        String to = form.get("To");
        String from = form.get("From");
        String service = form.get("MessagingServiceSid");
        String body = form.get("Body");
        if (to == null || to.isBlank()) {
            return error(21604, "A 'To' phone number is required.", 400);
        }
        if ((from == null || from.isBlank()) && (service == null || service.isBlank())) {
            return error(21603, "A 'From' phone number is required.", 400);
        }
        if (body == null || body.isEmpty()) {
            return error(21602, "Message body is required.", 400);
        }
        if (to.equals(SmsSink.INVALID_NUMBER) || !to.matches("\\+[1-9][0-9]{6,14}")) {
            return error(21211, "The 'To' number " + to + " is not a valid phone number.", 400);
        }
        return null;
    }
    /** The message resource Twilio answers a create with. */
    static String messageJson(SmsSink.Received message, String messagingServiceSid) {
        String created = RFC_2822.format(message.receivedAt().atOffset(ZoneOffset.UTC));
        String uri = SmsSink.MESSAGES_PATH + message.accountSid() + "/Messages/" + message.sid() + ".json";
        int segments = message.body().length() <= 160 ? 1 : (message.body().length() + 152) / 153;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", message.accountSid());
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
    /** The sink's own listing of what it took, for tests and the local stack. */
    static String list(List<SmsSink.Received> messages) {
        return messages.stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sid", m.sid());
            item.put("to", m.to());
            item.put("from", m.from());
            item.put("body", m.body());
            item.put("receivedAt", DateTimeFormatter.ISO_INSTANT.format(m.receivedAt()));
            return json(item);
        }).collect(Collectors.joining(",", "[", "]"));
    }
    /** The form of the status callback Twilio posts once a message is delivered. */
    static Map<String, String> deliveredCallback(SmsSink.Received message) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", message.sid());
        params.put("SmsSid", message.sid());
        params.put("AccountSid", message.accountSid());
        params.put("From", message.from());
        params.put("To", message.to());
        params.put("MessageStatus", "delivered");
        params.put("SmsStatus", "delivered");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    static String error(int code, String message, int status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("message", message);
        json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        json.put("status", status);
        return json(json);
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
    static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
    static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        exchange.sendResponseHeaders(405, -1);
    }
}
