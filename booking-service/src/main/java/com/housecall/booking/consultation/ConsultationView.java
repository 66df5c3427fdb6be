package com.housecall.booking.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/consultations/{id}}; {@code patient} and {@code intake} only for those who may see PHI. */
record ConsultationView(UUID id, ConsultationStatus status, OffsetDateTime createdAt, String source,
                        @Schema(implementation = ConsultationRequest.Patient.class)
                        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode patient,
                        @Schema(implementation = ConsultationRequest.Intake.class)
                        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode intake,
                        @Schema(types = "object", description = "Null until screened: outcome, rulesetVersion, "
                                + "reasons, phq9 and gad7 totals with bands, the clinician's decision")
                        JsonNode screening, List<Visit> visits, List<TimelineItem> timeline,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<CrisisResources> crisisResources) {

    ConsultationView(UUID id, ConsultationStatus status, OffsetDateTime createdAt, String source, JsonNode patient,
                     JsonNode intake, JsonNode screening, List<Visit> visits, List<TimelineItem> timeline) {
        this(id, status, createdAt, source, patient, intake, screening, visits, timeline, null);
    }

    /** The answer to a crisis answer: the view plus the crisis resources at once. */
    ConsultationView withCrisisResources() {
        return new ConsultationView(id, status, createdAt, source, patient, intake, screening, visits, timeline,
                CrisisResources.ALL);
    }

    record Visit(UUID id, int sequence, String phase, String start, String end, String status, Nurse nurse) {
    }

    record Nurse(String displayName) {
    }

    record TimelineItem(String type, String at) {
    }
}
