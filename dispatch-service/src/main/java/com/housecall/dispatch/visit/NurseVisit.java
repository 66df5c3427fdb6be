package com.housecall.dispatch.visit;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One visit as its nurse sees it in {@code GET /api/nurse/visits}: times in the patient's zone, and what the
 * visit needs at the door (PHI, for this nurse only): the patient's first name and phone, and the address.
 */
record NurseVisit(UUID visitId, UUID consultationId, int sequence, OffsetDateTime start, OffsetDateTime end,
                  String timeZone, String status, @Nullable Patient patient, @Nullable Address address) {

    /** Either may be null until booking sends them with the location. */
    record Patient(@Nullable String firstName, @Nullable String phone) {
    }

    record Address(String line1, String city, String state, String postalCode) {
    }

    NurseVisit withStatus(VisitStatus newStatus) {
        return new NurseVisit(visitId, consultationId, sequence, start, end, timeZone, newStatus.name(), patient, address);
    }
}
