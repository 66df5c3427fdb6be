package com.housecall.events.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** Two KEKs: the new version re-wraps what the old one wrapped; the data key, and so the topics' records, stay. */
class KeyRotationTest {

    static final String V1 = "v1:" + Base64.getEncoder().encodeToString("first-key-encryption-key-32byte!".getBytes());
    static final String V2 = "v2:" + Base64.getEncoder().encodeToString("second-key-encryption-key-32byt!".getBytes());
    static final UUID CONSULTATION = UUID.randomUUID();

    @Test
    void theNewKekRewrapsADataKeyTheOldOneWrapped() {
        SecretKey dataKey = SealedPayload.newDataKey();
        KeyEncryptionKeys.Wrapped underV1 = KeyEncryptionKeys.of(V1, List.of()).wrap(CONSULTATION, dataKey);
        KeyEncryptionKeys rotating = KeyEncryptionKeys.of(V2, List.of(V1));

        KeyEncryptionKeys.Wrapped underV2 = rotating.rewrap(CONSULTATION, underV1);

        assertThat(underV2.kekVersion()).isEqualTo("v2");
        assertThat(rotating.unwrap(CONSULTATION, underV1)).isEqualTo(dataKey);
        assertThat(KeyEncryptionKeys.of(V2, List.of()).unwrap(CONSULTATION, underV2)).isEqualTo(dataKey);
        assertThat(rotating.rewrap(CONSULTATION, underV2)).isSameAs(underV2);
    }

    @Test
    void onceTheOldKekIsRetiredWhatItAloneWrappedNoLongerOpens() {
        KeyEncryptionKeys.Wrapped underV1 = KeyEncryptionKeys.of(V1, List.of())
                .wrap(CONSULTATION, SealedPayload.newDataKey());

        assertThatThrownBy(() -> KeyEncryptionKeys.of(V2, List.of()).unwrap(CONSULTATION, underV1))
                .isInstanceOf(SealedDataException.class).hasMessageContaining("version v1");
    }

    @Test
    void aWrappedKeyIsBoundToItsConsultation() {
        KeyEncryptionKeys keks = KeyEncryptionKeys.of(V1, List.of());
        KeyEncryptionKeys.Wrapped wrapped = keks.wrap(CONSULTATION, SealedPayload.newDataKey());

        assertThatThrownBy(() -> keks.unwrap(UUID.randomUUID(), wrapped)).isInstanceOf(SealedDataException.class);
    }

    @Test
    void aSealedPayloadOpensWithItsDataKeyAndTypeOnly() {
        SecretKey dataKey = SealedPayload.newDataKey();
        byte[] value = SealedPayload.seal(CONSULTATION, UUID.randomUUID(), dataKey, "com.housecall.contact.updated",
                "{\"givenName\":\"Ada\"}".getBytes());

        SealedPayload sealed = SealedPayload.read(value);

        assertThat(new String(value)).doesNotContain("Ada");
        assertThat(new String(sealed.open(dataKey, "com.housecall.contact.updated"))).contains("Ada");
        assertThatThrownBy(() -> sealed.open(dataKey, "com.housecall.location.updated"))
                .isInstanceOf(SealedDataException.class);
        assertThatThrownBy(() -> sealed.open(SealedPayload.newDataKey(), "com.housecall.contact.updated"))
                .isInstanceOf(SealedDataException.class);
    }

    @Test
    void theDevelopmentKekIsAValidKey() {
        assertThat(KeyEncryptionKeys.of(KeyEncryptionKeys.DEV, List.of()).currentVersion())
                .isEqualTo(KeyEncryptionKeys.DEV_VERSION);
    }
}
