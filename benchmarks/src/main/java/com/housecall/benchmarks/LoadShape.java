package com.housecall.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * DECISIONS 24: the consultations spread over every state of the demo roster ({@code roster/states.csv} of
 * dispatch-service) and the next 15 weekdays, so nurse capacity is not what the run measures. Each body is an
 * eligible intake (CLINICAL-RULES.md) of an invented patient; nothing in it is a real person's.
 */
final class LoadShape {

    static final int WEEKDAYS = 15;

    record Area(String state, ZoneId zone, String zipPrefix) {
    }

    private final List<Area> areas;
    private final List<LocalDate> days;

    LoadShape(LocalDate today) {
        this.areas = areas();
        this.days = weekdays(today.plusDays(2), WEEKDAYS); // past the 6 h lead time in every zone
    }

    static List<LocalDate> weekdays(LocalDate from, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; days.size() < count; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    Area area(int n) {
        return areas.get(n % areas.size());
    }

    /** Every state once before a state repeats, then the next day: consecutive consultations never compete. */
    LocalDate day(int n) {
        return days.get((n / areas.size()) % days.size());
    }

    String body(int n) {
        Area area = area(n);
        ZonedDateTime start = ZonedDateTime.of(day(n), LocalTime.of(9, 0), area.zone());
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        return """
                {"patient": {"givenName": "Bench", "familyName": "Patient%d", "dateOfBirth": "1985-03-01",
                  "email": "bench.%d@example.test", "phone": "+1415555%04d", "preferredChannels": ["EMAIL", "SMS"]},
                 "address": {"line1": "%d Bench St", "city": "Benchville", "state": "%s", "postalCode": "%s01"},
                 "timeZone": "%s",
                 "intake": {"phq9": [2, 2, 1, 2, 1, 2, 1, 1, 0], "gad7": [1, 1, 1, 1, 0, 0, 1],
                  "failedAntidepressantTrials": 2, "conditions": [], "medications": ["sertraline 100 mg"],
                  "alcoholUseDisorder": false, "substanceUseDisorder": false, "pregnant": false,
                  "breastfeeding": false, "bloodPressure": {"systolic": 124, "diastolic": 80},
                  "inPersonEvaluationCompleted": true},
                 "preferredWindows": [{"start": "%s", "end": "%s"}],
                 "consent": {"treatment": true, "sms": true, "email": true}}"""
                .formatted(n, n, n % 10_000, n + 1, area.state(), area.zipPrefix(), area.zone().getId(),
                        start.format(iso), start.plusHours(4).format(iso));
    }

    private static List<Area> areas() {
        List<Area> areas = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                LoadShape.class.getResourceAsStream("/roster/states.csv"), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.split(";");
                    String first = fields[2].split("[,-]")[0].trim();
                    areas.add(new Area(fields[0], ZoneId.of(fields[1]), first));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return areas;
    }
}
