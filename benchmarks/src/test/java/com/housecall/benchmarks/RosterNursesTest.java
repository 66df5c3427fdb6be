package com.housecall.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RosterNursesTest {

    /** dispatch's visit: setup, infusion and observation (SchedulingPolicy.VISIT_LENGTH). */
    private static final int VISIT_MINUTES = 85;

    private final LoadShape shape = new LoadShape(LocalDate.of(2026, 12, 4));
    private final JsonMapper json = JsonMapper.shared();

    @Test
    void nExtraNursesInEveryStateWithTheSameUsernamesEachRun() {
        List<RosterNurses.Nurse> nurses = RosterNurses.of(shape.areas(), 2);

        assertThat(nurses).hasSize(51 * 2);
        assertThat(nurses).extracting(RosterNurses.Nurse::username).doesNotHaveDuplicates()
                .contains("bench-nurse-tx-1", "bench-nurse-tx-2", "bench-nurse-dc-2", "bench-nurse-ca-1")
                .allMatch(username -> username.matches("[a-z0-9][a-z0-9._@-]{0,99}"), "dispatch's username rule");
        assertThat(RosterNurses.of(shape.areas(), 2)).isEqualTo(nurses);
        assertThat(RosterNurses.of(shape.areas(), 3)).containsAll(nurses);
    }

    @Test
    void aNurseIsAnActiveLicensedNurseOfHerStateWithTheSkillsAVisitNeeds() {
        LoadShape.Area texas = shape.areas().stream().filter(a -> a.state().equals("TX")).findFirst().orElseThrow();

        JsonNode nurse = json.readTree(RosterNurses.nurse(texas, 1).body());

        assertThat(nurse.get("username").asString()).isEqualTo("bench-nurse-tx-1");
        assertThat(nurse.get("displayName").asString()).isEqualTo("Bench Nurse TX 1");
        assertThat(nurse.get("timeZone").asString()).isEqualTo("America/Chicago");
        assertThat(strings(nurse.get("licenseStates"))).containsExactly("TX");
        assertThat(strings(nurse.get("skills"))).containsExactly("IV_THERAPY", "ACLS");
        assertThat(nurse.get("homePostalCode").asString()).isEqualTo(texas.zipPrefix() + "01").matches("[0-9]{5}");
        assertThat(strings(nurse.get("serviceAreaPrefixes"))).isEqualTo(texas.zipPrefixes())
                .contains("750", "799", "885").hasSize(51);
        assertThat(nurse.get("timeOff")).isEmpty();
        assertThat(nurse.get("active").asBoolean()).isTrue();
    }

    @Test
    void everyReferralOfTheBenchFindsThemInItsStateZipAndZoneOnShiftForItsWholeWindow() {
        Map<String, JsonNode> firstNurseOfState = RosterNurses.of(shape.areas(), 1).stream()
                .map(nurse -> json.readTree(nurse.body()))
                .collect(Collectors.toMap(nurse -> nurse.get("licenseStates").get(0).asString(), Function.identity()));
        LocalTime windowStart = LoadShape.WINDOW_START;
        LocalTime lastVisitEnd = windowStart.plusHours(LoadShape.WINDOW_HOURS).plusMinutes(VISIT_MINUTES);

        IntStream.range(0, 51 * LoadShape.WEEKDAYS).forEach(n -> {
            LoadShape.Area area = shape.area(n);
            JsonNode nurse = firstNurseOfState.get(area.state());
            assertThat(nurse.get("timeZone").asString()).isEqualTo(area.zone().getId());
            assertThat(strings(nurse.get("serviceAreaPrefixes"))).contains(area.zipPrefix());
            assertThat(nurse.get("shifts")).as("%s on %s", area.state(), shape.day(n)).anySatisfy(shift -> {
                assertThat(shift.get("dayOfWeek").asString()).isEqualTo(shape.day(n).getDayOfWeek().name());
                assertThat(LocalTime.parse(shift.get("start").asString())).isBeforeOrEqualTo(windowStart);
                assertThat(LocalTime.parse(shift.get("end").asString())).isAfterOrEqualTo(lastVisitEnd);
            });
        });
    }

    @Test
    void zipPrefixRangesOfTheStatesFileAreEveryPrefixInThem() {
        assertThat(LoadShape.prefixes("200,202-205")).containsExactly("200", "202", "203", "204", "205");
        assertThat(LoadShape.prefixes("005")).containsExactly("005");
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
