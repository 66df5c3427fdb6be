package com.housecall.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twilio's documented example (https://www.twilio.com/docs/usage/security): auth token 12345. */
class TwilioSignatureTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    @Test
    void matchesTheDocumentedExample() {
        Map<String, List<String>> params = Map.of("CallSid", List.of("CA1234567890ABCDE"),
                "Caller", List.of("+14158675309"), "Digits", List.of("1234"), "From", List.of("+14158675309"),
                "To", List.of("+18005551212"));

        assertThat(TwilioSignature.of("12345", URL, params)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(TwilioSignature.valid("12345", URL, params, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
    }

    @Test
    void matchesTheCurrentDocumentationsVariantToo() {
        Map<String, List<String>> params = Map.of("CallSid", List.of("CA1234567890ABCDE"),
                "Caller", List.of("+14158675310"), "Digits", List.of("1234"), "From", List.of("+14158675310"),
                "To", List.of("+18005551212"));

        assertThat(TwilioSignature.of("12345", URL, params)).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
    }

    @Test
    void refusesAChangedParameterAWrongTokenOrNoSignature() {
        Map<String, List<String>> tampered = Map.of("CallSid", List.of("CA1234567890ABCDE"),
                "Caller", List.of("+14158675309"), "Digits", List.of("9999"), "From", List.of("+14158675309"),
                "To", List.of("+18005551212"));

        assertThat(TwilioSignature.valid("12345", URL, tampered, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(TwilioSignature.valid("54321", URL, tampered, TwilioSignature.of("12345", URL, tampered))).isFalse();
        assertThat(TwilioSignature.valid("12345", URL, tampered, null)).isFalse();
    }

    @Test
    void keywordsAreWholeMessagesCaseInsensitive() {
        assertThat(SmsWebhookController.STOP).contains(SmsWebhookController.keyword("  stop "),
                SmsWebhookController.keyword("StopAll"), SmsWebhookController.keyword("unsubscribe"));
        assertThat(SmsWebhookController.STOP).doesNotContain(SmsWebhookController.keyword("please stop it"));
        assertThat(SmsWebhookController.START).contains(SmsWebhookController.keyword("yes"));
    }
}
