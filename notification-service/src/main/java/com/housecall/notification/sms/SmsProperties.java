package com.housecall.notification.sms;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code housecall.sms.*} (CONTRACT.md section 10). Without an account sid and auth token SMS is not configured:
 * SMS notifications are then suppressed with {@code SMS_NOT_CONFIGURED}.
 *
 * @param baseUrl        Twilio's API, or the local SMS sink
 * @param from           the sending number (or use {@code messagingServiceSid})
 * @param webhookBaseUrl the public URL Twilio calls back and signs
 */
@ConfigurationProperties("housecall.sms")
public record SmsProperties(
        @DefaultValue("https://api.twilio.com") String baseUrl,
        @Nullable String accountSid,
        @Nullable String authToken,
        @Nullable String from,
        @Nullable String messagingServiceSid,
        @DefaultValue("http://localhost:8080") String webhookBaseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    public boolean configured() {
        return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank()
                && ((from != null && !from.isBlank()) || (messagingServiceSid != null && !messagingServiceSid.isBlank()));
    }

    public String statusCallbackUrl() {
        return stripSlash(webhookBaseUrl) + SmsWebhookController.STATUS_PATH;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
