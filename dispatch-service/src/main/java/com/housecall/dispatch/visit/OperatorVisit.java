package com.housecall.dispatch.visit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A visit as operators see it (the nurse's day, a reassignment): ids, the nurse, times with the patient's zone
 * offset, status. No patient name, address or phone: operators work with ids.
 */
record OperatorVisit(UUID visitId, UUID consultationId, int sequence, UUID nurseId, String nurseDisplayName,
                     OffsetDateTime start, OffsetDateTime end, String timeZone, String status) {
}
