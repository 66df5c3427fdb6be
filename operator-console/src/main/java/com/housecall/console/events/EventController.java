package com.housecall.console.events;

import com.housecall.security.problem.NotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** CONTRACT.md section 8: the live stream and the per-consultation timeline, both redacted. */
@RestController
@RequestMapping("/api/ops")
class EventController {

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
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> events(@RequestParam(name = "type", required = false) String type,
                                      @RequestParam(name = "consultationId", required = false) String consultationId,
                                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                      @AuthenticationPrincipal Jwt token)
            throws IOException {
        long start = lastEventId == null || lastEventId.isBlank()
                ? log.lastSeq()
                : log.seqOf(lastEventId.trim()).orElse(0L);
        SseEmitter emitter = new SseEmitter(0L);
        emitter.send(SseEmitter.event().comment("stream open"));
        stream.subscribe(emitter, start, blankToNull(type), blankToNull(consultationId), token.getSubject(),
                token.getExpiresAt() == null ? Instant.MAX : token.getExpiresAt());
        return ResponseEntity.ok().header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    @GetMapping("/consultations/{id}/timeline")
    Map<String, Object> timeline(@PathVariable("id") String id) {
        UUID consultationId;
        try {
            consultationId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        List<Object> items = log.ofConsultation(consultationId.toString()).stream()
                .map(event -> (Object) event.view()).toList();
        if (items.isEmpty()) {
            // every consultation starts with consultation.requested: without events it is none the console knows
            throw new NotFoundException();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("consultationId", consultationId.toString());
        body.put("items", items);
        body.put("totalItems", items.size());
        return body;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
