package com.housecall.booking.subscription;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The rules of a notification (DECISIONS 38): its signature and when a failed one is tried again. Plain Java. */
final class Notifications {

    static final String SIGNATURE_HEADER = "X-Housecall-Signature";
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    private static final List<Duration> FIRST_RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30));

    private Notifications() {
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. */
    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * After {@code failedAttempts} failures of a notification first tried at {@code first}: retries at 1, 5 and 30
     * minutes, then every hour; empty once the next try would fall later than 24 h after the first.
     */
    static Optional<Instant> nextAttempt(Instant first, int failedAttempts) {
        Instant next = failedAttempts <= FIRST_RETRIES.size()
                ? first.plus(FIRST_RETRIES.get(failedAttempts - 1))
                : first.plus(FIRST_RETRIES.getLast()).plus(Duration.ofHours(failedAttempts - FIRST_RETRIES.size()));
        return next.isAfter(first.plus(GIVE_UP_AFTER)) ? Optional.empty() : Optional.of(next);
    }
}
