package com.housecall.booking.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/consultations/{id}}; {@code patient}, {@code contact} and {@code intake} only for those who may see
 * PHI.
 */
record ConsultationView(UUID id, ConsultationStatus status, OffsetDateTime createdAt, String source,
                        @Schema(implementation = ConsultationRequest.Patient.class)
                        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode patient,
                        @Schema(implementation = ConsultationRequest.Intake.class)
                        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode intake,
                        @Schema(types = "object", description = "Null until screened: outcome, rulesetVersion, "
                                + "reasons, phq9 and gad7 totals with bands, the clinician's decision")
                        JsonNode screening, List<Visit> visits, List<TimelineItem> timeline,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Contact contact,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<CrisisResources> crisisResources) {

    ConsultationView(UUID id, ConsultationStatus status, OffsetDateTime createdAt, String source, JsonNode patient,
                     JsonNode intake, JsonNode screening, List<Visit> visits, List<TimelineItem> timeline,
                     Contact contact) {
        this(id, status, createdAt, source, patient, intake, screening, visits, timeline, contact, null);
    }

    /** The answer to a crisis answer: the view plus the crisis resources at once. */
    ConsultationView withCrisisResources() {
        return new ConsultationView(id, status, createdAt, source, patient, intake, screening, visits, timeline,
                contact, CrisisResources.ALL);
    }

    /**
     * How the patient chose to be reached now, channels and consents as {@code PUT /api/consultations/{id}/contact}
     * takes them (the email and phone are in {@code patient}), and the zone their times are read in, as
     * {@code contact.updated} carries it: what the app's contact form and a new visit time start from.
     */
    record Contact(List<String> preferredChannels, ActionRequests.ChannelConsent consent, String timeZone) {
    }

    record Visit(UUID id, int sequence, String phase, String start, String end, String status, Nurse nurse) {
    }

    record Nurse(String displayName) {
    }

    record TimelineItem(String type, String at) {
    }
}
