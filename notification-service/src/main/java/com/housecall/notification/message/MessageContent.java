package com.housecall.notification.message;

import com.housecall.notification.NotificationProperties;
import com.housecall.notification.WebProperties;
import com.housecall.notification.contact.Contact;
import com.housecall.notification.schedule.Reminders;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The values a template may use, all in the patient's zone. */
final class MessageContent {

    private static final Locale LOCALE = Locale.US;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", LOCALE);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("EEE, MMM d", LOCALE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", LOCALE);
    private static final int MAX_NURSE_NAME = 20;

    private MessageContent() {
    }

    static Map<String, Object> variables(Notifications.Outgoing notification, @Nullable Contact contact, ZoneId zone,
                                         NotificationProperties properties, WebProperties web) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("appUrl", web.appUrl());
        variables.put("scheduled", !"UNSCHEDULED".equals(notification.detail()));
        variables.put("givenName", contact == null ? "" : contact.givenName());
        variables.put("supportContact", properties.supportContact());
        variables.put("aftercareHours", hours(properties.aftercareNoDriving()));
        variables.put("consultationId", notification.consultationId().toString());
        variables.put("alertSequence", notification.detail() == null ? "" : notification.detail());
        variables.put("caseUrl", web.caseUrl(notification.consultationId().toString()));
        variables.put("consultationUrl", web.consultationUrl(notification.consultationId().toString()));
        String nurse = notification.nurseName() == null ? "" : firstName(notification.nurseName());
        variables.put("nurseFirstName", nurse.length() > MAX_NURSE_NAME ? nurse.substring(0, MAX_NURSE_NAME) : nurse);
        String start = notification.visitStartNow() != null ? notification.visitStartNow() : notification.visitStart();
        if (start != null) {
            visit(variables, OffsetDateTime.parse(start), zone);
        } else {
            for (String name : new String[] {"date", "shortDate", "time", "zoneName", "zoneShort", "cutoffTime"}) {
                variables.put(name, "");
            }
        }
        return variables;
    }

    /**
     * The course: how many visits follow visit 1 ({@code moreVisits}, for the SMS) and one line per visit 2..N
     * ({@code courseDates}, for the email), a visit without a nurse said so.
     */
    static void course(Map<String, Object> variables, Notifications.Outgoing confirmation, List<Visits.Visit> visits,
                       ZoneId zone) {
        int courseVisits = Course.courseVisits(confirmation.detail());
        variables.put("moreVisits", courseVisits - 1);
        List<String> lines = new ArrayList<>();
        for (int sequence = 2; sequence <= courseVisits; sequence++) {
            int wanted = sequence;
            Visits.Visit visit = visits.stream().filter(v -> v.sequence() == wanted).findFirst().orElse(null);
            OffsetDateTime start = visit == null || !"SCHEDULED".equals(visit.status()) ? null : visit.start();
            String when = visit != null && "CANCELLED".equals(visit.status()) ? "cancelled"
                    : start == null ? "not scheduled yet: please choose other times in the Housecall app"
                    : DATE.format(start.atZoneSameInstant(zone)) + " at " + TIME.format(start.atZoneSameInstant(zone));
            lines.add("Visit " + sequence + ": " + when);
        }
        variables.put("courseDates", lines);
    }

    static void visit(Map<String, Object> variables, OffsetDateTime start, ZoneId zone) {
        ZonedDateTime local = start.atZoneSameInstant(zone);
        variables.put("date", DATE.format(local));
        variables.put("shortDate", SHORT_DATE.format(local));
        variables.put("time", TIME.format(local));
        variables.put("zoneName", zone.getDisplayName(TextStyle.FULL, LOCALE));
        variables.put("zoneShort", zone.getDisplayName(TextStyle.SHORT, LOCALE));
        variables.put("cutoffTime", TIME.format(Reminders.fastingCutoff(start.toInstant()).atZone(zone)));
    }

    static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? Long.toString(minutes / 60) : String.format(LOCALE, "%.1f", minutes / 60.0);
    }

    static String firstName(String displayName) {
        String trimmed = displayName.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
