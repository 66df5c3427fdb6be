package com.housecall.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class EmailTemplatesTest {

    private final EmailTemplates templates = new EmailTemplates();

    @Test
    void bookingConfirmedNamesTheVisitInThePatientsZoneTheNurseAndWhatToPrepare() {
        // 17:30 UTC is 9:30 AM in Los Angeles in winter
        RenderedEmail email = templates.bookingConfirmed("Alex", OffsetDateTime.parse("2026-03-03T17:30:00Z"),
                ZoneId.of("America/Los_Angeles"), "Maria Gonzalez");

        assertThat(email.subject()).contains("Housecall", "Tuesday, March 3, 2026", "9:30 AM").doesNotContain("\n");
        for (String body : new String[] {email.text(), email.html()}) {
            assertThat(body).contains("Alex", "Maria", "Tuesday, March 3, 2026", "9:30 AM", "Pacific Time",
                    "4 to 6 hours", "quiet room", "companion");
            assertThat(body).doesNotContain("Gonzalez", "17:30", "5:30 PM");
            assertThat(body.toLowerCase()).doesNotContain("ketamine");
        }
        assertThat(email.html()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void escapesPatientSuppliedTextInHtml() {
        RenderedEmail email = templates.bookingConfirmed("<b>Alex</b>", OffsetDateTime.parse("2026-03-03T17:30:00Z"),
                ZoneId.of("America/New_York"), "Maria");

        assertThat(email.html()).contains("&lt;b&gt;Alex&lt;/b&gt;").doesNotContain("<b>Alex");
        assertThat(email.text()).contains("12:30 PM");
    }

    @Test
    void firstNameIsTheFirstWordOfTheDisplayName() {
        assertThat(EmailTemplates.firstName("  Maria G. ")).isEqualTo("Maria");
        assertThat(EmailTemplates.firstName("Sam")).isEqualTo("Sam");
    }
}
