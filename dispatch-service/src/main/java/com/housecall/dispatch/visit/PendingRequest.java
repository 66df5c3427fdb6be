package com.housecall.dispatch.visit;

import com.housecall.dispatch.scheduling.Interval;
import com.housecall.dispatch.scheduling.VisitRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A {@code visit.requested}: what booking asked for one visit. */
record PendingRequest(UUID visitId, UUID consultationId, int sequence, List<Interval> windows, String state,
                      String zipPrefix, ZoneId timeZone, Instant requestedAt) {

    /** The same visit asked for again in new windows (a reschedule or a re-plan). */
    PendingRequest asked(List<Interval> newWindows, Instant askedAt) {
        return new PendingRequest(visitId, consultationId, sequence, List.copyOf(newWindows), state, zipPrefix, timeZone,
                askedAt);
    }

    VisitRequest toRequest() {
        return new VisitRequest(windows, state, zipPrefix, timeZone, requestedAt);
    }

    /** From the first window's start to the last window's end. */
    Interval span() {
        return new Interval(windows.stream().map(Interval::start).min(Comparator.naturalOrder()).orElseThrow(),
                windows.stream().map(Interval::end).max(Comparator.naturalOrder()).orElseThrow());
    }
}
