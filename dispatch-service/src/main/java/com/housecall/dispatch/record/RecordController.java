package com.housecall.dispatch.record;

import com.housecall.dispatch.nurse.NurseRoster;
import com.housecall.openapi.ApiRoles;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import com.housecall.security.problem.NotFoundException;
import com.housecall.security.problem.PathIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * CONTRACT.md section 15: the assigned nurse records and reads the visit record; clinicians read it and
 * acknowledge its escalations (DECISIONS 46-47). Another nurse's visit, an unknown or malformed id: 404.
 */
@RestController
class RecordController {

    private final VisitRecords records;
    private final Escalations escalations;
    private final NurseRoster roster;

    RecordController(VisitRecords records, Escalations escalations, NurseRoster roster) {
        this.records = records;
        this.escalations = escalations;
        this.roster = roster;
    }

    @Operation(summary = "Append one entry to the visit record", description = """
            Kinds VITALS, DOSE, DRAW, RECONCILE, ADVERSE_EVENT, DISCHARGE (CONTRACT section 15), each validated \
            (DECISIONS 45): ranges, codes, `at` not before the arrival and at most 30 minutes in the past. Entries \
            are append-only, from ARRIVED until COMPLETED. Vitals past a threshold or a SEVERE adverse event \
            escalate to the on-call clinician at once. Answers the whole record with the on-call number.""")
    @ApiRoles(value = Roles.NURSE, ownership = "The visit's assigned nurse only.")
    @ApiResponse(responseCode = "201", description = "The record with the new entry")
    @ApiResponse(responseCode = "409", description = "The visit is not being recorded, or the entry conflicts "
            + "with the record (RECONCILE without DRAW, a second RECONCILE)")
    @PostMapping("/api/nurse/visits/{visitId}/record")
    ResponseEntity<VisitRecordView> append(@AuthenticationPrincipal Jwt jwt, @PathVariable String visitId,
                                           @RequestBody EntryForm entry) {
        UUID id = PathIds.uuid(visitId);
        VisitRecordView record = records.append(nurse(jwt), id, entry, Caller.of(jwt));
        return ResponseEntity.created(URI.create("/api/nurse/visits/" + id + "/record")).body(record);
    }

    @Operation(summary = "The visit record, for its nurse", description = "Every read is audited.")
    @ApiRoles(value = Roles.NURSE, ownership = "The visit's assigned nurse only.")
    @GetMapping("/api/nurse/visits/{visitId}/record")
    VisitRecordView nurseRecord(@AuthenticationPrincipal Jwt jwt, @PathVariable String visitId) {
        return records.read(nurse(jwt), PathIds.uuid(visitId), Caller.of(jwt));
    }

    @Operation(summary = "The visit record, for clinicians", description = "Every read is audited.")
    @ApiRoles(Roles.CLINICIAN)
    @GetMapping("/api/visits/{visitId}/record")
    VisitRecordView clinicianRecord(@AuthenticationPrincipal Jwt jwt, @PathVariable String visitId) {
        return records.read(null, PathIds.uuid(visitId), Caller.of(jwt));
    }

    @Operation(summary = "Acknowledge a visit's escalation", description = "Stops the on-call pages' repeats.")
    @ApiRoles(Roles.CLINICIAN)
    @ApiResponse(responseCode = "200", description = "The escalation as it is now")
    @PostMapping("/api/visits/{visitId}/escalation/acknowledge")
    EscalationState acknowledge(@AuthenticationPrincipal Jwt jwt, @PathVariable String visitId) {
        Caller caller = Caller.of(jwt);
        return escalations.acknowledge(PathIds.uuid(visitId),
                caller.username() != null ? caller.username() : caller.subject());
    }

    private UUID nurse(Jwt jwt) {
        String username = Caller.of(jwt).username();
        return (username == null ? java.util.Optional.<UUID>empty() : roster.idOf(username))
                .orElseThrow(NotFoundException::new);
    }

}
