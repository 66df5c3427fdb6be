package com.housecall.dispatch.scheduling;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

/**
 * The numbers of CLINICAL-RULES.md section 3. Only the lead time (time to fast) is a setting.
 *
 * @param leadTime the earliest start after the request
 */
public record SchedulingPolicy(Duration leadTime) {

    /** Starts fall on this grid. */
    public static final Duration GRID = Duration.ofMinutes(15);
    /** Setup 15 min + infusion 40 min + observation 30 min. */
    public static final Duration VISIT_LENGTH = Duration.ofMinutes(15 + 40 + 30);
    /** Travel between two visits of one nurse. */
    public static final Duration TRAVEL_BUFFER = Duration.ofMinutes(30);
    /** Earliest and latest start, in the patient's time zone, both allowed. */
    public static final LocalTime FIRST_START = LocalTime.of(8, 0);
    public static final LocalTime LAST_START = LocalTime.of(17, 0);
    public static final int MAX_VISITS_PER_DAY = 4;
    public static final Set<String> REQUIRED_SKILLS = Set.of("IV_THERAPY", "ACLS");

    public static final SchedulingPolicy DEFAULT = new SchedulingPolicy(Duration.ofHours(6));
}
