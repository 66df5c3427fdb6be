package com.housecall.localstack.sms;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsSinkTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private SmsSink sink;

    @BeforeEach
    void start() throws IOException {
        sink = SmsSink.start(0, "AC123", "secret-token");
    }

    @AfterEach
    void stop() {
        sink.close();
        client.close();
    }

    @Test
    void acceptsAMessageWithBasicAuthAndAnswersTwiliosMessageJson() throws Exception {
        HttpResponse<String> response = post("AC123", basic("AC123", "secret-token"),
                "To=%2B14155550123&From=%2B15005550006&Body=Hello+from+Housecall%3A+see+the+app");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body())
                .containsPattern("\"sid\":\"SM[0-9a-f]{32}\"")
                .contains("\"status\":\"queued\"", "\"to\":\"+14155550123\"", "\"from\":\"+15005550006\"",
                        "\"body\":\"Hello from Housecall: see the app\"", "\"account_sid\":\"AC123\"",
                        "\"date_created\":", "\"direction\":\"outbound-api\"");
        SmsSink.Received received = sink.messages().getFirst();
        assertThat(received.form()).containsExactly(Map.entry("To", "+14155550123"), Map.entry("From", "+15005550006"),
                Map.entry("Body", "Hello from Housecall: see the app"));
        assertThat(response.body()).contains("\"sid\":\"" + received.sid() + "\"");

        HttpResponse<String> list = client.send(HttpRequest.newBuilder(URI.create(sink.baseUrl() + "/api/messages"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).startsWith("[{\"sid\":\"" + received.sid() + "\",\"to\":\"+14155550123\","
                + "\"from\":\"+15005550006\",\"body\":\"Hello from Housecall: see the app\",\"receivedAt\":\"");
    }

    @Test
    void refusesMissingOrWrongCredentials() throws Exception {
        assertThat(post("AC123", null, "To=%2B14155550123&From=%2B15005550006&Body=x").statusCode()).isEqualTo(401);
        assertThat(post("AC123", basic("AC123", "wrong"), "To=%2B14155550123&From=%2B15005550006&Body=x").statusCode())
                .isEqualTo(401);
        assertThat(post("ACother", basic("AC123", "secret-token"), "To=%2B14155550123&From=%2B15005550006&Body=x")
                .statusCode()).isEqualTo(401);
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void theInvalidTestNumberAnswersTwiliosError21211() throws Exception {
        HttpResponse<String> response = post("AC123", basic("AC123", "secret-token"),
                "To=%2B15005550001&MessagingServiceSid=MG123&Body=x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":21211",
                "\"message\":\"The 'To' number +15005550001 is not a valid phone number.\"", "\"status\":400");
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void postsASignedDeliveredStatusToTheCallback() throws Exception {
        List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/status", exchange -> {
            forms.add(TwilioWire.parseForm(new String(exchange.getRequestBody().readAllBytes(), UTF_8)));
            signatures.add(exchange.getRequestHeaders().getFirst("X-Twilio-Signature"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        try {
            String callback = "http://127.0.0.1:" + app.getAddress().getPort() + "/status";
            sink.callbackAfter(Duration.ofMillis(50));
            post("AC123", basic("AC123", "secret-token"), "To=%2B14155550123&From=%2B15005550006&Body=x"
                    + "&StatusCallback=" + java.net.URLEncoder.encode(callback, UTF_8));

            await().atMost(Duration.ofSeconds(10)).until(() -> forms.size() == 1);
            Map<String, String> form = forms.getFirst();
            assertThat(form).containsEntry("MessageStatus", "delivered")
                    .containsEntry("MessageSid", sink.messages().getFirst().sid())
                    .containsEntry("To", "+14155550123");
            assertThat(signatures.getFirst()).isEqualTo(TwilioWire.signature("secret-token", callback, form));
            assertThat(sink.callbacks()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(200));
        } finally {
            app.stop(0);
        }
    }

    @Test
    void signsLikeTwiliosDocumentedExample() {
        // https://www.twilio.com/docs/usage/security: auth token 12345, this URL and these parameters
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
                "Digits", "1234", "From", "+14158675309", "To", "+18005551212");

        assertThat(TwilioWire.signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
                .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void deleteForgetsEverything() throws Exception {
        post("AC123", basic("AC123", "secret-token"), "To=%2B14155550123&From=%2B15005550006&Body=x");

        HttpResponse<String> deleted = client.send(HttpRequest.newBuilder(URI.create(sink.baseUrl() + "/api/messages"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(sink.messages()).isEmpty();
    }

    private HttpResponse<String> post(String accountSid, String authorization, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(sink.baseUrl() + "/2010-04-01/Accounts/" + accountSid + "/Messages.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
    }
}
