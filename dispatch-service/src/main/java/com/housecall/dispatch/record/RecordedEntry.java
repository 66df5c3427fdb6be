package com.housecall.dispatch.record;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.UUID;

/** An entry as the record keeps it: its id, when and by whom it was recorded, and the entry's own fields. */
public record RecordedEntry(UUID id, Instant recordedAt, String recordedBy, @JsonUnwrapped EntryForm entry) {
}
