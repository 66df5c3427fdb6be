package com.housecall.booking.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/** The answer to {@code POST /api/consultations}: crisis resources only when PHQ-9 item 9 is 1 or more. */
record Submitted(UUID id, ConsultationStatus status,
                 @JsonInclude(JsonInclude.Include.NON_NULL) List<CrisisResources> crisisResources) {
}
