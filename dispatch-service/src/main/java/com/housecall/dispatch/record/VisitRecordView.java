package com.housecall.dispatch.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A visit's record: its entries in the order recorded, its latest escalation (null if none), and for the nurse
 * the on-call clinician's number with what to do (CLINICAL-RULES.md section 6).
 */
@Schema(name = "VisitRecord")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitRecordView(UUID visitId, UUID consultationId, String status, List<RecordedEntry> entries,
                              @Nullable EscalationState escalation, @Nullable OnCall onCall) {

    /** Who the nurse calls, and when 911 comes first. */
    public record OnCall(String phone, String advice) {

        static OnCall of(String phone) {
            return new OnCall(phone, "Call 911 if the patient is unstable, then the on-call clinician at " + phone
                    + ".");
        }
    }
}
