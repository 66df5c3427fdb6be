package com.housecall.dispatch.scheduling;

import java.time.Instant;
import java.util.UUID;

/** The nurse to send and the visit's start and end. */
public record Assignment(UUID nurseId, Instant start, Instant end) {
}
