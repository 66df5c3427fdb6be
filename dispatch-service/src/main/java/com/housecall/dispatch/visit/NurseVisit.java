package com.housecall.dispatch.visit;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One visit as its nurse sees it in {@code GET /api/nurse/visits}; times in the patient's zone. */
record NurseVisit(UUID visitId, UUID consultationId, OffsetDateTime start, OffsetDateTime end, String timeZone,
                  String status, @Nullable Address address) {

    record Address(String line1, String city, String state, String postalCode) {
    }
}
