package com.housecall.booking.consultation;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The IANA zones in use in each state and DC (CONTRACT.md section 11, DECISIONS 15). States that span zones list
 * each of theirs; a legacy link such as {@code US/Pacific} fits when its rules are those of one of them. Plain Java.
 */
final class StateZones {

    private static final String EASTERN = "America/New_York";
    private static final String CENTRAL = "America/Chicago";
    private static final String MOUNTAIN = "America/Denver";
    private static final String PACIFIC = "America/Los_Angeles";

    private static final Map<String, List<String>> ZONES = Map.ofEntries(
            Map.entry("AL", List.of(CENTRAL)),
            Map.entry("AK", List.of("America/Anchorage", "America/Juneau", "America/Sitka", "America/Yakutat",
                    "America/Nome", "America/Metlakatla", "America/Adak")),
            // most of Arizona keeps standard time all year; the Navajo Nation observes daylight saving time
            Map.entry("AZ", List.of("America/Phoenix", MOUNTAIN)),
            Map.entry("AR", List.of(CENTRAL)),
            Map.entry("CA", List.of(PACIFIC)),
            Map.entry("CO", List.of(MOUNTAIN)),
            Map.entry("CT", List.of(EASTERN)),
            Map.entry("DE", List.of(EASTERN)),
            Map.entry("DC", List.of(EASTERN)),
            Map.entry("FL", List.of(EASTERN, CENTRAL)),
            Map.entry("GA", List.of(EASTERN)),
            Map.entry("HI", List.of("Pacific/Honolulu")),
            Map.entry("ID", List.of("America/Boise", PACIFIC)),
            Map.entry("IL", List.of(CENTRAL)),
            Map.entry("IN", List.of("America/Indiana/Indianapolis", "America/Indiana/Knox", "America/Indiana/Marengo",
                    "America/Indiana/Petersburg", "America/Indiana/Tell_City", "America/Indiana/Vevay",
                    "America/Indiana/Vincennes", "America/Indiana/Winamac", EASTERN, CENTRAL)),
            Map.entry("IA", List.of(CENTRAL)),
            Map.entry("KS", List.of(CENTRAL, MOUNTAIN)),
            Map.entry("KY", List.of("America/Kentucky/Louisville", "America/Kentucky/Monticello", EASTERN, CENTRAL)),
            Map.entry("LA", List.of(CENTRAL)),
            Map.entry("ME", List.of(EASTERN)),
            Map.entry("MD", List.of(EASTERN)),
            Map.entry("MA", List.of(EASTERN)),
            Map.entry("MI", List.of("America/Detroit", "America/Menominee", EASTERN, CENTRAL)),
            Map.entry("MN", List.of(CENTRAL)),
            Map.entry("MS", List.of(CENTRAL)),
            Map.entry("MO", List.of(CENTRAL)),
            Map.entry("MT", List.of(MOUNTAIN)),
            Map.entry("NE", List.of(CENTRAL, MOUNTAIN)),
            Map.entry("NV", List.of(PACIFIC)),
            Map.entry("NH", List.of(EASTERN)),
            Map.entry("NJ", List.of(EASTERN)),
            Map.entry("NM", List.of(MOUNTAIN)),
            Map.entry("NY", List.of(EASTERN)),
            Map.entry("NC", List.of(EASTERN)),
            Map.entry("ND", List.of(CENTRAL, MOUNTAIN, "America/North_Dakota/Center", "America/North_Dakota/New_Salem",
                    "America/North_Dakota/Beulah")),
            Map.entry("OH", List.of(EASTERN)),
            Map.entry("OK", List.of(CENTRAL)),
            Map.entry("OR", List.of(PACIFIC, "America/Boise")),
            Map.entry("PA", List.of(EASTERN)),
            Map.entry("RI", List.of(EASTERN)),
            Map.entry("SC", List.of(EASTERN)),
            Map.entry("SD", List.of(CENTRAL, MOUNTAIN)),
            Map.entry("TN", List.of(CENTRAL, EASTERN)),
            Map.entry("TX", List.of(CENTRAL, MOUNTAIN)),
            Map.entry("UT", List.of(MOUNTAIN)),
            Map.entry("VT", List.of(EASTERN)),
            Map.entry("VA", List.of(EASTERN)),
            Map.entry("WA", List.of(PACIFIC)),
            Map.entry("WV", List.of(EASTERN)),
            Map.entry("WI", List.of(CENTRAL)),
            Map.entry("WY", List.of(MOUNTAIN)));

    private static final Map<String, List<ZoneId>> IDS = ZONES.entrySet().stream().collect(Collectors.toUnmodifiableMap(
            Map.Entry::getKey, e -> e.getValue().stream().map(ZoneId::of).toList()));

    private StateZones() {
    }

    /** Whether {@code zone} (a valid IANA id) is in use in {@code state}, itself or as a link to one of its zones. */
    static boolean fits(String state, String zone) {
        List<ZoneId> zones = state == null ? List.of() : IDS.getOrDefault(state, List.of());
        if (zones.isEmpty()) {
            return true;
        }
        try {
            ZoneId id = ZoneId.of(zone);
            // a link (US/Pacific) has exactly the rules of its target; another zone's history differs somewhere
            return zones.stream().anyMatch(z -> z.equals(id) || z.getRules().equals(id.getRules()));
        } catch (DateTimeException e) {
            return false;
        }
    }
}
