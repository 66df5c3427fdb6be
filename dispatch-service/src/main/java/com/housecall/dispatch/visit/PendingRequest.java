package com.housecall.dispatch.visit;

import com.housecall.dispatch.scheduling.Interval;
import com.housecall.dispatch.scheduling.VisitRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A {@code visit.requested} not dispatched yet. */
record PendingRequest(UUID visitId, UUID consultationId, int sequence, List<Interval> windows, String state,
                      String zipPrefix, ZoneId timeZone, Instant requestedAt) {

    VisitRequest toRequest() {
        return new VisitRequest(windows, state, zipPrefix, timeZone, requestedAt);
    }

    /** From the first window's start to the last window's end. */
    Interval span() {
        return new Interval(windows.stream().map(Interval::start).min(Comparator.naturalOrder()).orElseThrow(),
                windows.stream().map(Interval::end).max(Comparator.naturalOrder()).orElseThrow());
    }
}
