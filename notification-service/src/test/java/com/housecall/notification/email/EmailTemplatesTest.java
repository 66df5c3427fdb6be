package com.housecall.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Emails as the patient reads them: the course email, the request's first answer, the crisis message. */
class EmailTemplatesTest {

    /** Emails link to the consultation itself: the app opens it once the patient has signed in. */
    private static final String CONSULTATION_URL = "https://housecall.example/app/#c0ffee00-0000-4000-8000-000000000001";

    private final EmailTemplates templates = new EmailTemplates();

    private static Map<String, Object> visit(String givenName) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("givenName", givenName);
        variables.put("date", "Tuesday, March 3, 2026");
        variables.put("time", "9:30 AM");
        variables.put("zoneName", "Pacific Time");
        variables.put("nurseFirstName", "Maria");
        variables.put("consultationUrl", CONSULTATION_URL);
        variables.put("supportContact", "1-800-555-0100");
        variables.put("scheduled", true);
        variables.put("courseDates", List.of("Visit 2: Thursday, March 5, 2026 at 9:30 AM",
                "Visit 3: not scheduled yet: please choose other times in the Housecall app"));
        return variables;
    }

    @Test
    void theCourseEmailNamesVisitOneWithItsPrepAndListsTheOtherVisits() {
        RenderedEmail email = templates.render("booking-confirmed", visit("Alex"));

        assertThat(email.subject()).contains("Housecall", "Tuesday, March 3, 2026", "9:30 AM").doesNotContain("\n");
        for (String body : new String[] {email.text(), email.html()}) {
            assertThat(body).contains("Alex", "Maria", "Tuesday, March 3, 2026", "9:30 AM", "Pacific Time",
                    "6 hours", "quiet room", "companion", "Visit 2: Thursday, March 5, 2026 at 9:30 AM",
                    "Visit 3: not scheduled yet", CONSULTATION_URL);
            assertThat(body.toLowerCase()).doesNotContain("ketamine");
        }
        assertThat(email.html()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void escapesPatientSuppliedTextInHtml() {
        RenderedEmail email = templates.render("booking-confirmed", visit("<b>Alex</b>"));

        assertThat(email.html()).contains("&lt;b&gt;Alex&lt;/b&gt;").doesNotContain("<b>Alex");
    }

    /** Issue 12: the first message asked the patient to answer the health questions they had just answered. */
    @Test
    void theRequestReceivedEmailDoesNotAskForTheAnswersAgain() {
        RenderedEmail email = templates.render("request-received", visit("Alex"));

        assertThat(email.text() + email.html()).doesNotContain("answer the health questions")
                .contains("nothing more you need to do");
    }

    @Test
    void theCrisisEmailNames911And988AndSaysVisitsArePaused() {
        RenderedEmail email = templates.render("safety-hold", visit("Alex"));

        assertThat(email.text()).contains("911", "988", "visits are paused", "clinician will call you");
    }
}
