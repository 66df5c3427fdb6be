package com.housecall.booking.consultation;

import java.time.Instant;
import java.util.UUID;

/** What never changes after a consultation is requested: who asked, from where, and where the patient lives. */
record Origin(UUID id, String patientSubject, String source, Instant createdAt, String timeZone, String state,
              String zipPrefix, String referringClinic) {
}
