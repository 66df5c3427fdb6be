package com.housecall.dispatch.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a visit needs: the patient's arrival windows, where they are and when they asked.
 *
 * @param patientZone the patient's time zone: the daytime rule is in their local time
 */
public record VisitRequest(List<Interval> windows, String state, String zipPrefix, ZoneId patientZone,
                           Instant requestedAt) {

    public VisitRequest {
        windows = List.copyOf(windows);
    }
}
