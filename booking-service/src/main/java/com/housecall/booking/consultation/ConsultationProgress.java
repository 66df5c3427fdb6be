package com.housecall.booking.consultation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a consultation stands, without its PHI (no patient, no intake): for views that only report progress, such
 * as a partner clinic's FHIR Task of its referral. Ownership is the caller's to check.
 */
@Service
public class ConsultationProgress {

    /**
     * The status, where the consultation came from and who referred it, and the screening's reasons ({@code code},
     * {@code message}) with a clinician's decision ({@code APPROVE}, {@code DECLINE}) once there is one.
     */
    public record Progress(UUID id, ConsultationStatus status, ConsultationSource source, String referringClinic,
                           OffsetDateTime createdAt, String screeningOutcome, List<Reason> reasons,
                           String decision) {
    }

    public record Reason(String code, String message) {
    }

    private final ConsultationRepository repository;
    private final JsonMapper json;

    ConsultationProgress(ConsultationRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Optional<Progress> of(UUID id) {
        return repository.find(id).map(c -> {
            String outcome = null;
            String decision = null;
            List<Reason> reasons = new ArrayList<>();
            if (c.screeningJson() != null) {
                JsonNode screening = json.readTree(c.screeningJson());
                outcome = text(screening.get("outcome"));
                for (JsonNode reason : screening.path("reasons")) {
                    reasons.add(new Reason(text(reason.get("code")), text(reason.get("message"))));
                }
                decision = text(screening.path("decision").get("decision"));
            }
            return new Progress(c.id(), c.status(), ConsultationSource.valueOf(c.source()), c.referringClinic(),
                    c.createdAt(), outcome, List.copyOf(reasons), decision);
        });
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
