package com.housecall.messaging;

import com.housecall.events.phi.KeyEncryptionKeys;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PHI at rest (README "PHI at rest"): the key-encryption keys, and whether this service owns the data keys.
 *
 * @param kek          the current key-encryption key, {@code version:base64} of 32 bytes ({@code HOUSECALL_PHI_KEK});
 *                     the development default is refused by the production profile
 * @param previousKeks older versions, still unwrapping until rotation re-wrapped their data keys
 * @param keyOwner     this service seals the PHI topics and keeps the data keys ({@code data_key}): booking only
 * @param keyWait      how long a reader waits for a record's data key to arrive on booking.keys.v1 before the
 *                     record is retried
 */
@ConfigurationProperties("housecall.phi")
public record PhiProperties(
        @DefaultValue(KeyEncryptionKeys.DEV) String kek,
        @DefaultValue List<String> previousKeks,
        @DefaultValue("false") boolean keyOwner,
        @DefaultValue("20s") Duration keyWait) {

    KeyEncryptionKeys keys() {
        return KeyEncryptionKeys.of(kek, previousKeks);
    }
}
