package com.housecall.console.events;

import com.housecall.events.EventTypes;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an operator may see of an event: an explicit allow-list of field paths per event type. Everything else
 * (an unknown field, an unknown type, a value of the wrong shape) is dropped. Allowed are ids, statuses, codes,
 * times, the time zone, the state, the 3-digit ZIP prefix, sequences, channels, reason codes and their fixed
 * messages, the nurse's display name; never names, contacts, addresses, dates of birth, intake answers or scores,
 * free text. Paths: {@code field}, {@code object.field}, {@code list[].field}, {@code list[]} (a list of scalars).
 * The payloads of the PHI topics keep their consultation id only (they are never consumed; this is a backstop).
 */
public final class Redaction {

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry(EventTypes.CONSULTATION_REQUESTED,
                    Set.of("consultationId", "source", "state", "zipPrefix", "timeZone", "requestedAt")),
            Map.entry(EventTypes.VISIT_REQUESTED, Set.of("consultationId", "visitId", "sequence", "phase",
                    "windows[].start", "windows[].end", "state", "zipPrefix", "timeZone", "requestedAt", "purpose")),
            Map.entry(EventTypes.BOOKING_CONFIRMED, Set.of("consultationId", "visitId", "start", "end",
                    "nurseDisplayName", "timeZone", "courseVisits")),
            Map.entry(EventTypes.BOOKING_UNFULFILLED, Set.of("consultationId", "visitId", "reason", "at")),
            Map.entry(EventTypes.BOOKING_COMPLETED, Set.of("consultationId", "visitsCompleted", "completedAt")),
            Map.entry(EventTypes.CONSULTATION_CANCELLED,
                    Set.of("consultationId", "previousStatus", "cancelledBy", "cancelledAt")),
            Map.entry(EventTypes.VISIT_CANCELLED,
                    Set.of("consultationId", "visitId", "sequence", "reason", "cancelledAt")),
            Map.entry(EventTypes.CONSULTATION_HELD, Set.of("consultationId", "reason", "previousStatus", "heldAt")),
            Map.entry(EventTypes.PHQ9_SUBMITTED, Set.of("consultationId", "submissionId", "block", "submittedAt")),
            Map.entry(EventTypes.SCREENING_STARTED, Set.of("consultationId", "startedAt")),
            // reason messages are fixed per code and never quote an answer; the PHQ-9/GAD-7 scores stay out
            Map.entry(EventTypes.SCREENING_COMPLETED, Set.of("consultationId", "outcome", "rulesetVersion",
                    "reasons[].code", "reasons[].message", "completedAt")),
            Map.entry(EventTypes.SCREENING_DECIDED,
                    Set.of("consultationId", "decision", "kind", "outcome", "decidedAt")),
            Map.entry(EventTypes.SAFETY_ALERT, Set.of("consultationId", "alertId", "sequence", "raisedAt")),
            Map.entry(EventTypes.SAFETY_ACKNOWLEDGED, Set.of("consultationId", "alertId", "acknowledgedAt")),
            Map.entry(EventTypes.SAFETY_WITHDRAWN, Set.of("consultationId", "alertId", "withdrawnAt")),
            Map.entry(EventTypes.VISIT_SCHEDULED, Set.of("consultationId", "visitId", "sequence", "nurseId",
                    "nurseDisplayName", "start", "end", "timeZone", "cause", "previousStart", "nurseChanged")),
            Map.entry(EventTypes.VISIT_UNSCHEDULABLE,
                    Set.of("consultationId", "visitId", "sequence", "reason", "at")),
            Map.entry(EventTypes.VISIT_STATUS_CHANGED, Set.of("consultationId", "visitId", "status", "at")),
            Map.entry(EventTypes.VISIT_RESCHEDULE_FAILED, Set.of("consultationId", "visitId", "sequence", "reason",
                    "keptStart", "timeZone", "at")),
            Map.entry(EventTypes.VISIT_DECLINED,
                    Set.of("consultationId", "visitId", "sequence", "nurseId", "reason", "at")),
            Map.entry(EventTypes.NOTIFICATION_SENT, Set.of("consultationId", "notificationId", "channel", "type",
                    "providerId", "sentAt")),
            Map.entry(EventTypes.NOTIFICATION_FAILED, Set.of("consultationId", "notificationId", "channel", "type",
                    "reason", "failedAt")),
            Map.entry(EventTypes.NOTIFICATION_SUPPRESSED, Set.of("consultationId", "notificationId", "channel",
                    "type", "reason", "suppressedAt")),
            Map.entry(EventTypes.INTAKE_SUBMITTED, Set.of("consultationId")),
            Map.entry(EventTypes.PHQ9_ANSWERS, Set.of("consultationId")),
            Map.entry(EventTypes.CONTACT_UPDATED, Set.of("consultationId")),
            Map.entry(EventTypes.LOCATION_UPDATED, Set.of("consultationId")));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Redaction() {
    }

    /** The allowed part of {@code payload}; an unknown type or a payload that is not an object gives {@code {}}. */
    public static ObjectNode redact(String type, JsonNode payload) {
        Set<String> allowed = ALLOWED.getOrDefault(type, Set.of());
        if (payload == null || !payload.isObject()) {
            return NODES.objectNode();
        }
        return object(payload, "", allowed);
    }

    private static ObjectNode object(JsonNode source, String prefix, Set<String> allowed) {
        ObjectNode result = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            String path = prefix + field.getKey();
            JsonNode value = field.getValue();
            JsonNode kept = keep(value, path, allowed);
            if (kept != null) {
                result.set(field.getKey(), kept);
            }
        }
        return result;
    }

    private static JsonNode keep(JsonNode value, String path, Set<String> allowed) {
        if (allowed.contains(path)) {
            return scalar(value) ? value : null;
        }
        if (value.isObject() && startsWith(allowed, path + ".")) {
            return object(value, path + ".", allowed);
        }
        if (value.isArray() && (allowed.contains(path + "[]") || startsWith(allowed, path + "[]."))) {
            ArrayNode result = NODES.arrayNode();
            for (JsonNode element : value) {
                if (allowed.contains(path + "[]") && scalar(element)) {
                    result.add(element);
                } else if (element.isObject()) {
                    result.add(object(element, path + "[].", allowed));
                }
            }
            return result;
        }
        return null;
    }

    private static boolean scalar(JsonNode value) {
        return value.isString() || value.isNumber() || value.isBoolean();
    }

    private static boolean startsWith(Set<String> allowed, String prefix) {
        return allowed.stream().anyMatch(path -> path.startsWith(prefix));
    }
}
