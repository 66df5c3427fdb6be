package com.housecall.notification.sms;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Twilio's side of the webhooks: form posts signed as Twilio signs them (or not at all). */
final class TwilioWebhooks {

    static final String INBOUND = "/api/notifications/sms/inbound";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authToken;
    private final String accountSid;
    private final String to;

    TwilioWebhooks(String baseUrl, String authToken, String accountSid, String to) {
        this.baseUrl = baseUrl;
        this.authToken = authToken;
        this.accountSid = accountSid;
        this.to = to;
    }

    static String newMessageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    HttpResponse<String> inbound(String from, String body) throws IOException, InterruptedException {
        return inbound(newMessageSid(), from, body);
    }

    /** An inbound SMS as Twilio posts it; the same {@code messageSid} twice is a replay. */
    HttpResponse<String> inbound(String messageSid, String from, String body) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", messageSid);
        form.put("AccountSid", accountSid);
        form.put("From", from);
        form.put("To", to);
        form.put("Body", body);
        String signature = TwilioSignature.of(authToken, baseUrl + INBOUND,
                form.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        return post(INBOUND, form, signature);
    }

    HttpResponse<String> post(String path, Map<String, String> form, String signature)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
                        .collect(Collectors.joining("&"))));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
