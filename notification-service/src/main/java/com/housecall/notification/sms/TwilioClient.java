package com.housecall.notification.sms;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small adapter to Twilio's Messages API (CONTRACT.md section 10), pointed at {@code housecall.sms.base-url}:
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} with basic auth, answering the message sid.
 * A read timeout may come after Twilio accepted the message: its outcome is unknown.
 */
@Component
public class TwilioClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmsProperties properties;
    private final RestClient rest;

    TwilioClient(SmsProperties properties) {
        this.properties = properties;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(properties.readTimeout());
        this.rest = RestClient.builder()
                .baseUrl(SmsProperties.stripSlash(properties.baseUrl()))
                .requestFactory(requests)
                .build();
    }

    public boolean configured() {
        return properties.configured();
    }

    /**
     * Sends {@code body} to {@code to}; answers Twilio's message sid. Throws {@link SmsFailedException} with a
     * reason code; {@code notificationId} only goes into the status callback URL's query, never the text.
     */
    public String send(String to, String body, UUID notificationId) {
        if (!configured()) {
            throw new SmsFailedException("SMS_NOT_CONFIGURED");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", to);
        if (properties.messagingServiceSid() != null && !properties.messagingServiceSid().isBlank()) {
            form.add("MessagingServiceSid", properties.messagingServiceSid());
        } else {
            form.add("From", properties.from());
        }
        form.add("Body", body);
        form.add("StatusCallback", properties.statusCallbackUrl());
        String credentials = properties.accountSid() + ":" + properties.authToken();
        try {
            return rest.post()
                    .uri("/2010-04-01/Accounts/{sid}/Messages.json", properties.accountSid())
                    .header(HttpHeaders.AUTHORIZATION,
                            "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(UTF_8)))
                    .accept(MediaType.APPLICATION_JSON)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        String text = new String(response.getBody().readAllBytes(), UTF_8);
                        if (status >= 200 && status < 300) {
                            return sid(text);
                        }
                        throw new SmsFailedException(reason(status, errorCode(text)));
                    });
        } catch (ResourceAccessException e) {
            throw new SmsFailedException(reason(e), e);
        }
    }

    private static String sid(String text) {
        try {
            JsonNode sid = JSON.readTree(text).get("sid");
            if (sid != null && sid.isString() && !sid.asString().isBlank()) {
                return sid.asString();
            }
        } catch (RuntimeException e) {
            // falls through: accepted, but we cannot tell which message it is
        }
        throw new SmsFailedException("PROVIDER_RESPONSE_UNREADABLE");
    }

    private static int errorCode(String text) {
        try {
            JsonNode code = JSON.readTree(text).get("code");
            return code == null ? 0 : code.asInt();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The reason code of a refusal: a bad number is not worth retrying, a busy provider is. */
    static String reason(int status, int twilioCode) {
        if (status == 401 || status == 403) {
            return "PROVIDER_AUTH_FAILED";
        }
        if (status == 429 || status >= 500) {
            return "PROVIDER_UNAVAILABLE";
        }
        return switch (twilioCode) {
            case 21211, 21614, 21217, 21612, 21408 -> "INVALID_NUMBER";
            case 21610 -> "OPTED_OUT";
            default -> "PROVIDER_REJECTED";
        };
    }

    /** A failure before the request could reach Twilio is retryable; a timeout afterwards is not known. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnknownHostException) {
                return "PROVIDER_UNAVAILABLE";
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return "OUTCOME_UNKNOWN";
            }
        }
        return failure.getCause() instanceof IOException ? "OUTCOME_UNKNOWN" : "SEND_FAILED";
    }
}
