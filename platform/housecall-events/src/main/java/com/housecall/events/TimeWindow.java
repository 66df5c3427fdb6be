package com.housecall.events;

import java.time.OffsetDateTime;

/** A preferred arrival window, with the offset the patient gave. */
public record TimeWindow(@OperatorVisible OffsetDateTime start, @OperatorVisible OffsetDateTime end) {
}
