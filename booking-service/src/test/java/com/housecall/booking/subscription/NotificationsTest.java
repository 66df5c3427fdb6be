package com.housecall.booking.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DECISIONS 38: the signature's shape and the retry schedule, 1, 5, 30 min then hourly to 24 h. */
class NotificationsTest {

    private static final Instant FIRST = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void theSignatureIsHexHmacSha256OverTimestampDotBody() {
        String header = Notifications.signature("secret", 1_700_000_000L, "{}");

        // computed apart: python3 hmac.new(b"secret", b"1700000000.{}", hashlib.sha256).hexdigest()
        assertThat(header).isEqualTo(
                "t=1700000000,v1=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
        assertThat(header).isNotEqualTo(Notifications.signature("secret", 1_700_000_001L, "{}"));
        assertThat(header).isNotEqualTo(Notifications.signature("other", 1_700_000_000L, "{}"));
    }

    @Test
    void retriesComeAt1And5And30MinutesThenHourlyUntil24Hours() {
        List<Duration> offsets = new ArrayList<>();
        for (int failed = 1; ; failed++) {
            Optional<Instant> next = Notifications.nextAttempt(FIRST, failed);
            if (next.isEmpty()) {
                break;
            }
            offsets.add(Duration.between(FIRST, next.get()));
        }

        assertThat(offsets).startsWith(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofMinutes(90), Duration.ofMinutes(150));
        assertThat(offsets.getLast()).isLessThanOrEqualTo(Duration.ofHours(24)).isGreaterThan(Duration.ofHours(23));
        assertThat(offsets).isSorted().hasSize(3 + 23);
    }
}
