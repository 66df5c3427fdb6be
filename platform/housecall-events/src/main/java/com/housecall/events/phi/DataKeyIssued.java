package com.housecall.events.phi;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.util.UUID;

/**
 * {@code data-key.issued} on booking.keys.v1: the consultation's data key, wrapped (AES-256-GCM) by the
 * key-encryption key {@code kekVersion}; sent again, re-wrapped, when that key is rotated.
 */
public record DataKeyIssued(UUID consultationId, @OperatorVisible UUID keyId, @OperatorVisible String kekVersion,
                            String wrappedKey) implements ConsultationEvent {
}
