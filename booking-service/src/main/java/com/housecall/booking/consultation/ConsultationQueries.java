package com.housecall.booking.consultation;

import com.housecall.booking.consultation.ConsultationRepository.StoredConsultation;
import com.housecall.events.EventTypes;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads of a consultation, with ownership: another caller's record is as absent as a missing one. */
@Service
class ConsultationQueries {

    private final ConsultationRepository repository;
    private final JsonMapper json;
    private final PhiReadAudit audit;

    ConsultationQueries(ConsultationRepository repository, JsonMapper json, PhiReadAudit audit) {
        this.repository = repository;
        this.json = json;
        this.audit = audit;
    }

    /**
     * The consultation as {@code caller} may see it; another caller's record is as absent as a missing one. A view
     * with the patient and intake is recorded in the PHI read audit, in the same transaction.
     */
    @Transactional
    Optional<ConsultationView> view(UUID id, Caller caller, String access) {
        return repository.find(id).filter(Access.read(caller)).map(c -> {
            boolean seesPhi = Access.seesPhi(caller, c);
            if (seesPhi) {
                audit.recordRead(id, caller, access);
            }
            return toView(c, seesPhi);
        });
    }

    /**
     * A page of summaries (no PHI): own for patients, own referrals for clinics, all for clinicians and operators;
     * narrowed by {@code search}.
     */
    @Transactional(readOnly = true)
    ConsultationPage page(Caller caller, ConsultationSearch search, int page, int size) {
        String patient = null;
        String clinic = null;
        if (!caller.hasRole(Roles.CLINICIAN) && !caller.hasRole(Roles.OPERATOR)) {
            if (caller.hasRole(Roles.PATIENT)) {
                patient = caller.subject();
            } else {
                clinic = caller.clientId() == null ? "" : caller.clientId();
            }
        }
        return new ConsultationPage(repository.page(patient, clinic, search, page, size), page, size,
                repository.count(patient, clinic, search));
    }

    /** {@code {"items", "page", "size", "totalItems"}} of CONTRACT.md section 3. */
    record ConsultationPage(List<ConsultationRepository.Summary> items, int page, int size, long totalItems) {
    }

    private ConsultationView toView(StoredConsultation c, boolean seesPhi) {
        JsonNode request = json.readTree(c.requestJson());
        JsonNode screening = c.screeningJson() == null ? null : screening(json.readTree(c.screeningJson()));
        return new ConsultationView(c.id(), c.status(), c.createdAt(), c.source(),
                seesPhi ? patient(request.get("patient")) : null,
                seesPhi ? request.get("intake") : null,
                screening,
                repository.visits(c.id()).stream().map(v -> new ConsultationView.Visit(v.id(), v.sequence(), v.phase(),
                        Instants.withOffset(v.startAt()), Instants.withOffset(v.endAt()), v.status(),
                        v.nurseDisplay() == null ? null : new ConsultationView.Nurse(v.nurseDisplay()))).toList(),
                repository.timeline(c.id()).stream().map(t -> new ConsultationView.TimelineItem(
                        EventTypes.shortName(t.eventType()), Instants.utc(t.at()))).toList(),
                seesPhi ? contact(request) : null);
    }

    private ConsultationView.Contact contact(JsonNode request) {
        JsonNode consent = request.path("consent");
        return new ConsultationView.Contact(
                List.of(json.treeToValue(request.path("patient").path("preferredChannels"), String[].class)),
                new ActionRequests.ChannelConsent(consent.path("sms").asBoolean(false),
                        consent.path("email").asBoolean(false)), request.path("timeZone").asString());
    }

    private static JsonNode patient(JsonNode patient) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) patient.deepCopy();
        copy.remove("preferredChannels");
        return copy;
    }

    private static JsonNode screening(JsonNode completed) {
        tools.jackson.databind.node.ObjectNode screening = (tools.jackson.databind.node.ObjectNode) completed.deepCopy();
        screening.remove("consultationId");
        screening.remove("completedAt");
        // {"decision", "at"} once a clinician has decided (ConsultationService.screeningDecided), else null
        if (!screening.has("decision") || !screening.get("decision").isObject()) {
            screening.putNull("decision");
        }
        return screening;
    }
}
