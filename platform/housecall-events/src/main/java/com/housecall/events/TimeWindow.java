package com.housecall.events;

import java.time.OffsetDateTime;

/** A preferred arrival window, with the offset the patient gave. */
public record TimeWindow(OffsetDateTime start, OffsetDateTime end) {
}
