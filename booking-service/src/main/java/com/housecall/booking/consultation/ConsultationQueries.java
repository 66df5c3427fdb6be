package com.housecall.booking.consultation;

import com.housecall.booking.consultation.ConsultationRepository.StoredConsultation;
import com.housecall.events.EventTypes;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
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

    ConsultationQueries(ConsultationRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Transactional(readOnly = true)
    Optional<ConsultationView> view(UUID id, Caller caller) {
        return repository.find(id).filter(c -> visibleTo(c, caller)).map(c -> toView(c, caller));
    }

    private static boolean visibleTo(StoredConsultation c, Caller caller) {
        return ConsultationController.seesEveryConsultation(caller)
                || (caller.hasRole(Roles.PATIENT) && c.patientSubject().equals(caller.subject()));
    }

    private ConsultationView toView(StoredConsultation c, Caller caller) {
        boolean seesPhi = caller.hasRole(Roles.CLINICIAN) || c.patientSubject().equals(caller.subject());
        JsonNode request = json.readTree(c.requestJson());
        JsonNode screening = c.screeningJson() == null ? null : screening(json.readTree(c.screeningJson()));
        return new ConsultationView(c.id(), c.status(), c.createdAt(), c.source(),
                seesPhi ? patient(request.get("patient")) : null,
                seesPhi ? request.get("intake") : null,
                screening,
                repository.visits(c.id()).stream().map(v -> new ConsultationView.Visit(v.id(), v.sequence(), v.phase(),
                        v.startAt(), v.endAt(), v.status(),
                        v.nurseDisplay() == null ? null : new ConsultationView.Nurse(v.nurseDisplay()))).toList(),
                repository.timeline(c.id()).stream().map(t -> new ConsultationView.TimelineItem(
                        EventTypes.shortName(t.eventType()), t.at())).toList());
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
