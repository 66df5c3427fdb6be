package com.housecall.console.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A dead letter as operators see it (CONTRACT.md section 8). {@code data} is the redacted payload, present only
 * for the shared topics; a dead letter of a PHI topic shows metadata only ({@code phi} true). {@code data} is
 * declared a {@link JsonNode}: the API document's model reader cannot read Jackson's {@code ObjectNode} class.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(String id, String topic, String originalTopic, String reason, Instant failedAt, String type,
                         String subject, boolean phi, JsonNode data, Instant replayedAt, String replayedBy) {
}
