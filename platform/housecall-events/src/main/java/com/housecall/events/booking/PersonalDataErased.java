package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code personal-data.erased}: an operator erased the consultation's personal data (its data key is shredded);
 * every service drops or redacts its copies of names, contacts, addresses and free text, and keeps the clinical
 * trail (statuses, codes, times) without identity.
 */
public record PersonalDataErased(UUID consultationId, @OperatorVisible Instant erasedAt) implements ConsultationEvent {
}
