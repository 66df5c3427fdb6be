package com.housecall.events.phi;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption keys (KEKs): the current version wraps every new or rotated data key; previous versions still
 * unwrap what they wrapped until rotation has re-wrapped it. Each key is written {@code version:base64} (32 bytes).
 * A data key is wrapped with AES-256-GCM, bound to its consultation, so a wrapped key cannot open another's data.
 */
public final class KeyEncryptionKeys {

    /** The development KEK (public, in the source): the production profile refuses it. */
    public static final String DEV = "dev:ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTMyYiE=";
    public static final String DEV_VERSION = "dev";

    /** A data key wrapped by KEK {@code kekVersion}, base64. */
    public record Wrapped(String kekVersion, String wrappedKey) {
    }

    private final String current;
    private final Map<String, SecretKey> byVersion;

    private KeyEncryptionKeys(String current, Map<String, SecretKey> byVersion) {
        this.current = current;
        this.byVersion = byVersion;
    }

    /** The current KEK, then the previous ones, each {@code version:base64}. */
    public static KeyEncryptionKeys of(String current, List<String> previous) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String version = put(keys, current);
        previous.forEach(key -> put(keys, key));
        return new KeyEncryptionKeys(version, Map.copyOf(keys));
    }

    public String currentVersion() {
        return current;
    }

    public boolean knows(String version) {
        return byVersion.containsKey(version);
    }

    public Wrapped wrap(UUID consultationId, SecretKey dataKey) {
        byte[] wrapped = AesGcm.seal(byVersion.get(current), dataKey.getEncoded(), bound(consultationId));
        return new Wrapped(current, Base64.getEncoder().encodeToString(wrapped));
    }

    public SecretKey unwrap(UUID consultationId, Wrapped wrapped) {
        SecretKey kek = byVersion.get(wrapped.kekVersion());
        if (kek == null) {
            throw new SealedDataException("no key-encryption key of version " + wrapped.kekVersion());
        }
        byte[] raw = AesGcm.open(kek, Base64.getDecoder().decode(wrapped.wrappedKey()), bound(consultationId));
        return new SecretKeySpec(raw, "AES");
    }

    /** Key rotation: the same data key under the current KEK; already current stays as it is. */
    public Wrapped rewrap(UUID consultationId, Wrapped wrapped) {
        return wrapped.kekVersion().equals(current) ? wrapped : wrap(consultationId, unwrap(consultationId, wrapped));
    }

    private static byte[] bound(UUID consultationId) {
        return ("data-key:" + consultationId).getBytes(UTF_8);
    }

    private static String put(Map<String, SecretKey> keys, String versioned) {
        int colon = versioned.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("A key-encryption key is written version:base64");
        }
        byte[] raw = Base64.getDecoder().decode(versioned.substring(colon + 1).trim());
        if (raw.length != 32) {
            throw new IllegalArgumentException("A key-encryption key has 32 bytes (AES-256)");
        }
        String version = versioned.substring(0, colon).trim();
        if (keys.putIfAbsent(version, new SecretKeySpec(raw, "AES")) != null) {
            throw new IllegalArgumentException("Two key-encryption keys of version " + version);
        }
        return version;
    }
}
