package com.housecall.events.phi;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.events.EventJson;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The value of a record on a PHI topic: {@code {"consultationId", "keyId", "sealed"}}, where {@code sealed} is the
 * event's JSON payload under the consultation's data key (AES-256-GCM), bound to the consultation and the event
 * type. Without that data key (shredded on erasure) the bytes never open again.
 */
public record SealedPayload(UUID consultationId, UUID keyId, String sealed) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static SecretKey newDataKey() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return new SecretKeySpec(raw, "AES");
    }

    public static byte[] seal(UUID consultationId, UUID keyId, SecretKey dataKey, String type, byte[] json) {
        String sealed = Base64.getEncoder().encodeToString(AesGcm.seal(dataKey, json, bound(consultationId, type)));
        return EventJson.write(new SealedPayload(consultationId, keyId, sealed));
    }

    /** Reads the envelope; a value that is not one is refused. */
    public static SealedPayload read(byte[] value) {
        try {
            SealedPayload payload = EventJson.read(value, SealedPayload.class);
            if (payload.consultationId() == null || payload.keyId() == null || payload.sealed() == null) {
                throw new SealedDataException("not a sealed payload");
            }
            return payload;
        } catch (RuntimeException e) {
            throw e instanceof SealedDataException sealed ? sealed : new SealedDataException("not a sealed payload");
        }
    }

    /** The event's JSON payload. */
    public byte[] open(SecretKey dataKey, String type) {
        return AesGcm.open(dataKey, Base64.getDecoder().decode(sealed), bound(consultationId, type));
    }

    private static byte[] bound(UUID consultationId, String type) {
        return (consultationId + "|" + type).getBytes(UTF_8);
    }
}
