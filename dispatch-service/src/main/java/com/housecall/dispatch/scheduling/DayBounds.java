package com.housecall.dispatch.scheduling;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Where a local day starts, per zone and day: computed once per decision, shared by the nurses of a zone. */
final class DayBounds {

    private final Map<ZoneId, Map<LocalDate, Long>> starts = new HashMap<>();

    long startOf(LocalDate day, ZoneId zone) {
        return starts.computeIfAbsent(zone, z -> new HashMap<>())
                .computeIfAbsent(day, d -> d.atStartOfDay(zone).toEpochSecond());
    }
}
