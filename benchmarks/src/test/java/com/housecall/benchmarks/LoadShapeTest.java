package com.housecall.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadShapeTest {

    private final LoadShape shape = new LoadShape(LocalDate.of(2026, 12, 4)); // a Friday

    @Test
    void consultationsSpreadOverEveryStateAndFifteenWeekdaysAtLeastTwoDaysAhead() {
        Set<String> states = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        IntStream.range(0, 51 * 15).forEach(n -> {
            states.add(shape.area(n).state());
            days.add(shape.day(n));
        });

        assertThat(states).hasSize(51).contains("CA", "DC", "AK");
        assertThat(days).hasSize(LoadShape.WEEKDAYS)
                .allMatch(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
                .allMatch(day -> day.isAfter(LocalDate.of(2026, 12, 5)));
    }

    @Test
    void aReferralAsksForAMorningInTheStatesOwnZone() {
        int n = IntStream.range(0, 51).filter(i -> shape.area(i).state().equals("CA")).findFirst().orElseThrow();

        assertThat(shape.referral(n, "bench-1")).contains("\"state\": \"CA\"",
                "\"valueCode\": \"America/Los_Angeles\"", "T09:00:00-08:00", "T13:00:00-08:00",
                "\"postalCode\": \"9", "\"value\": \"bench-1\"",
                "\"linkId\": \"phq9-9\", \"answer\": [{\"valueInteger\": 0}]");
    }
}
