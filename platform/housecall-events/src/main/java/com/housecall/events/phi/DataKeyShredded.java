package com.housecall.events.phi;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.util.UUID;

/** {@code data-key.shredded} on booking.keys.v1: the latest value of an erased consultation; no key. */
public record DataKeyShredded(UUID consultationId, @OperatorVisible UUID keyId) implements ConsultationEvent {
}
