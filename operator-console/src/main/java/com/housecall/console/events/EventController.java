package com.housecall.console.events;

import com.housecall.openapi.ApiRoles;
import com.housecall.security.Roles;
import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import com.housecall.security.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;

/** CONTRACT.md section 8: the live stream and the per-consultation timeline, both redacted. */
@RestController
@RequestMapping("/api/ops")
class EventController {

    static final String REDACTED = "`{\"id\", \"type\", \"source\", \"time\", \"subject\", \"data\"}`: the CloudEvent "
            + "with its payload redacted of PHI (only fields marked operator-visible).";
    private static final int MAX_EVENT_ID_LENGTH = 200;

    private static final String EVENT_EXAMPLE = """
            id: 6a1f0c9e-2b7d-4e1a-9f3c-0d5e7b8a9c10
            event: com.housecall.booking.confirmed
            data: {"id":"6a1f0c9e-2b7d-4e1a-9f3c-0d5e7b8a9c10","type":"com.housecall.booking.confirmed",\
            "source":"/housecall/booking-service","time":"2026-12-04T17:02:14Z",\
            "subject":"3f1c6a4e-9a57-4c1e-b1c2-5d0f5b1e2a77",\
            "data":{"consultationId":"3f1c6a4e-9a57-4c1e-b1c2-5d0f5b1e2a77"}}
            """;

    private final EventLog log;
    private final EventStream stream;

    EventController(EventLog log, EventStream stream) {
        this.log = log;
        this.stream = stream;
    }

    /**
     * Without {@code Last-Event-ID} the stream starts now; with a retained id, just after it; with an unknown one,
     * at the oldest retained event. The stream ends when the caller's token expires.
     */
    @Operation(summary = "Every domain event as it happens (server-sent events)", description = """
            Each message: `id` the CloudEvents id, `event` its type, `data` the redacted event. `type` filters by \
            a prefix of the full type, `consultationId` by consultation; `Last-Event-ID` resumes after that event \
            (an unknown one starts at the oldest retained event). Send the token in `Authorization`, never in \
            the URL.""")
    @ApiRoles(Roles.OPERATOR)
    @ApiResponse(responseCode = "200", description = "The stream, open until the client leaves",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(types = "string", description = REDACTED),
                    examples = @ExampleObject(EVENT_EXAMPLE)))
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> events(@RequestParam(name = "type", required = false) String type,
                                      @RequestParam(name = "consultationId", required = false) String consultationId,
                                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                      @AuthenticationPrincipal Jwt token)
            throws IOException {
        long start = lastEventId == null || lastEventId.isBlank()
                ? log.lastSeq()
                : log.seqOf(checkedEventId(lastEventId.trim())).orElse(0L);
        SseEmitter emitter = new SseEmitter(0L);
        emitter.send(SseEmitter.event().comment("stream open"));
        stream.subscribe(emitter, start, blankToNull(type), blankToNull(consultationId), token.getSubject(),
                token.getExpiresAt() == null ? Instant.MAX : token.getExpiresAt());
        return ResponseEntity.ok().header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    /** Event ids are ASCII; anything else is a client's mistake, answered as one, not replayed from the start. */
    private static String checkedEventId(String lastEventId) {
        if (lastEventId.length() > MAX_EVENT_ID_LENGTH || !lastEventId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidRequestException(List.of(new FieldProblem("Last-Event-ID",
                    "must be an event id: visible ASCII, at most " + MAX_EVENT_ID_LENGTH + " characters")));
        }
        return lastEventId;
    }

    @Operation(summary = "Every event of one consultation, in order, redacted as on the stream")
    @ApiRoles(Roles.OPERATOR)
    @GetMapping("/consultations/{id}/timeline")
    Timeline timeline(@PathVariable("id") String id) {
        UUID consultationId;
        try {
            consultationId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        List<JsonNode> items = log.ofConsultation(consultationId.toString()).stream()
                .map(event -> (JsonNode) event.view()).toList();
        if (items.isEmpty()) {
            // every consultation starts with consultation.requested: without events it is none the console knows
            throw new NotFoundException();
        }
        return new Timeline(consultationId.toString(), items, items.size());
    }

    /** Every event of one consultation, in order, redacted as on the stream. */
    record Timeline(String consultationId,
                    @ArraySchema(schema = @Schema(description = REDACTED)) List<JsonNode> items, int totalItems) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
