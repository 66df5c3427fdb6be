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
 * dispatch-service) and the next 15 weekdays, so nurse capacity is not what the run measures. Each is a clinic's
 * referral with an eligible intake of an invented patient; nothing in it is a real person's.
 */
public final class LoadShape {

    static final int WEEKDAYS = 15;
    /** Each referral's window, in its state's zone: from 09:00 for 4 hours. */
    static final LocalTime WINDOW_START = LocalTime.of(9, 0);
    static final int WINDOW_HOURS = 4;

    /** An eligible intake (CLINICAL-RULES.md), as the referral's QuestionnaireResponse items. */
    private static final String INTAKE = String.join(", ", intake());

    /** A state of the demo roster: its zone and every 3-digit ZIP prefix it serves. */
    public record Area(String state, ZoneId zone, List<String> zipPrefixes) {

        /** The prefix of the bench's patients' ZIP codes in this state. */
        String zipPrefix() {
            return zipPrefixes.getFirst();
        }
    }

    private final List<Area> areas;
    private final List<LocalDate> days;

    public LoadShape(LocalDate today) {
        this.areas = readAreas();
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

    public List<Area> areas() {
        return areas;
    }

    Area area(int n) {
        return areas.get(n % areas.size());
    }

    /** Every state once before a state repeats, then the next day: consecutive consultations never compete. */
    LocalDate day(int n) {
        return days.get((n / areas.size()) % days.size());
    }

    /** A partner clinic's referral (CONTRACT.md section 5) of an invented patient, {@code id} its clinic's number. */
    String referral(int n, String id) {
        Area area = area(n);
        ZonedDateTime start = ZonedDateTime.of(day(n), WINDOW_START, area.zone());
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        return """
                {"resourceType": "ServiceRequest",
                 "contained": [
                  {"resourceType": "Patient", "id": "patient",
                   "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/timezone", "valueCode": "%s"}],
                   "name": [{"family": "Patient%d", "given": ["Bench"]}], "birthDate": "1985-03-01",
                   "telecom": [{"system": "phone", "value": "(415) 555-%04d", "use": "mobile"},
                               {"system": "email", "value": "bench.%d@example.test"}],
                   "address": [{"line": ["%d Bench St"], "city": "Benchville", "state": "%s", "postalCode": "%s01"}]},
                  {"resourceType": "QuestionnaireResponse", "id": "intake", "status": "completed", "item": [%s]}],
                 "identifier": [{"system": "https://bench.housecall.test/referrals", "value": "%s"}],
                 "status": "active", "intent": "order", "code": {"text": "Ketamine infusion course at home"},
                 "subject": {"reference": "#patient"}, "supportingInfo": [{"reference": "#intake"}],
                 "occurrencePeriod": {"start": "%s", "end": "%s"}}"""
                .formatted(area.zone().getId(), n, n % 10_000, n, n + 1, area.state(), area.zipPrefix(), INTAKE, id,
                        start.format(iso), start.plusHours(WINDOW_HOURS).format(iso));
    }

    private static List<String> intake() {
        List<String> items = new ArrayList<>();
        int[] phq9 = {2, 2, 1, 2, 1, 2, 1, 1, 0};
        for (int i = 0; i < phq9.length; i++) {
            items.add(item("phq9-" + (i + 1), "\"valueInteger\": " + phq9[i]));
        }
        int[] gad7 = {1, 1, 1, 1, 0, 0, 1};
        for (int i = 0; i < gad7.length; i++) {
            items.add(item("gad7-" + (i + 1), "\"valueInteger\": " + gad7[i]));
        }
        items.add(item("failed-antidepressant-trials", "\"valueInteger\": 2"));
        items.add(item("medication", "\"valueString\": \"sertraline 100 mg\""));
        for (String no : List.of("alcohol-use-disorder", "substance-use-disorder", "pregnant", "breastfeeding")) {
            items.add(item(no, "\"valueBoolean\": false"));
        }
        for (String yes : List.of("in-person-evaluation-completed", "consent-treatment", "consent-sms",
                "consent-email")) {
            items.add(item(yes, "\"valueBoolean\": true"));
        }
        items.add(item("systolic-bp", "\"valueInteger\": 124"));
        items.add(item("diastolic-bp", "\"valueInteger\": 80"));
        items.add(item("preferred-channel", "\"valueCoding\": {\"code\": \"SMS\"}"));
        items.add(item("preferred-channel", "\"valueCoding\": {\"code\": \"EMAIL\"}"));
        return items;
    }

    private static String item(String linkId, String value) {
        return "{\"linkId\": \"" + linkId + "\", \"answer\": [{" + value + "}]}";
    }

    private static List<Area> readAreas() {
        List<Area> areas = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                LoadShape.class.getResourceAsStream("/roster/states.csv"), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.split(";");
                    areas.add(new Area(fields[0], ZoneId.of(fields[1]), prefixes(fields[2])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return areas;
    }

    /** {@code "200,202-205"}: 200, 202, 203, 204, 205. */
    static List<String> prefixes(String ranges) {
        List<String> prefixes = new ArrayList<>();
        for (String range : ranges.split(",")) {
            String[] bounds = range.trim().split("-");
            for (int p = Integer.parseInt(bounds[0]); p <= Integer.parseInt(bounds[bounds.length - 1]); p++) {
                prefixes.add("%03d".formatted(p));
            }
        }
        return prefixes;
    }
}
