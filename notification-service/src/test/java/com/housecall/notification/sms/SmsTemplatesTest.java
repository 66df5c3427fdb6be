package com.housecall.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every SMS template, rendered with the longest and least friendly values, stays GSM-7, short and discreet. */
class SmsTemplatesTest {

    /** The drug, diagnoses, scores and screening words an SMS must never carry (CONTRACT.md section 10). */
    private static final List<String> BANNED = List.of("ketamine", "esketamine", "spravato", "depress", "anxiety",
            "bipolar", "ptsd", "psychos", "suicid", "self-harm", "phq", "gad-7", "gad7", "score", "diagnos",
            "answered", "screening", "infusion", "psychiatr");

    private final SmsTemplates templates = new SmsTemplates();

    /** The worst values each variable can take: longest dates and times, names outside GSM-7, markup. */
    private static final Map<String, String> WORST = Map.ofEntries(
            Map.entry("givenName", "Zoë-Åsa “Ketamine” <script>ẞ"),
            Map.entry("nurseFirstName", "Maximiliana-Bartholomé"),
            Map.entry("shortDate", "Wed, Sep 30"),
            Map.entry("date", "Wednesday, September 30, 2026"),
            Map.entry("time", "12:45 PM"),
            Map.entry("cutoffTime", "10:45 AM"),
            Map.entry("zoneShort", "AKST"),
            Map.entry("zoneName", "Hawaii-Aleutian Standard Time"),
            Map.entry("aftercareHours", "12"),
            Map.entry("supportContact", "1-800-555-0100"),
            Map.entry("consultationId", "123e4567-e89b-12d3-a456-426614174000"),
            Map.entry("alertSequence", "99"),
            Map.entry("caseUrl", "https://housecall.example/clinician/cases/123e4567-e89b-12d3-a456-426614174000"),
            Map.entry("appUrl", "https://app.housecall.example/app/"),
            Map.entry("moreVisits", "5"),
            Map.entry("scheduled", "true"));

    /** Templates with a second wording, and the values that pick it. */
    private static final Map<String, Map<String, String>> VARIANTS = Map.of(
            "booking-confirmed", Map.of("moreVisits", "0"),
            "reschedule-failed", Map.of("scheduled", "false"));

    static List<String> smsTemplates() throws IOException, URISyntaxException {
        Path dir = Path.of(SmsTemplatesTest.class.getClassLoader().getResource("templates/sms").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString().replace(".txt", "")).sorted().toList();
        }
    }

    @Test
    void everySmsTemplateIsGsm7WithinOneMessageAndCarriesNoBannedWord() throws Exception {
        List<String> names = smsTemplates();
        assertThat(names).hasSizeGreaterThanOrEqualTo(15);
        for (String name : names) {
            Map<String, String> variant = new java.util.HashMap<>(WORST);
            variant.putAll(VARIANTS.getOrDefault(name, Map.of()));
            for (String text : List.of(templates.render(name, WORST), templates.render(name, variant))) {
                check(name, text);
            }
        }
    }

    private static void check(String name, String text) {
        assertThat(Gsm7.isGsm7(text)).as("%s is GSM-7: %s", name, text).isTrue();
        assertThat(Gsm7.length(text)).as("%s fits one SMS: %s", name, text).isLessThanOrEqualTo(160);
        assertThat(text.toLowerCase(Locale.ROOT)).as(name).doesNotContain(BANNED);
        assertThat(text).as(name).contains("Housecall").doesNotContain("[(", "${", "[#", "[/]", "Zo", "Åsa",
                "null");
        if (name.equals("visit-escalation-page")) {
            // to the on-call clinician: the case in the clinicians' workspace, no patient detail
            assertThat(text).contains("/clinician/cases/123e4567-e89b-12d3-a456-426614174000", "ALERT 99");
        } else if (!name.equals("on-call-page") && !name.equals("safety-hold")) {
            assertThat(text).as("%s points to the app", name).contains("app");
        }
    }

    @Test
    void theCrisisSmsStartsWith911And988NamesNoReasonAndCarriesNoLink() {
        String text = templates.render("safety-hold", WORST);

        assertThat(text).startsWith("Call 911").contains("988", "Housecall", "paused", "clinician will call")
                .doesNotContain("http", "app", "PHQ", "answer");
        assertThat(text.indexOf("988")).isLessThan(text.indexOf("Housecall"));
    }

    @Test
    void theConfirmationSmsNamesVisitOneItsPrepAndHowManyMoreFollow() {
        assertThat(templates.render("booking-confirmed", WORST))
                .contains("first visit confirmed Wed, Sep 30 at 12:45 PM AKST", "No food 6 h before",
                        "5 more visits: see the app");
        Map<String, String> single = new java.util.HashMap<>(WORST);
        single.put("moreVisits", "0");
        assertThat(templates.render("booking-confirmed", single)).contains("Housecall: visit confirmed")
                .doesNotContain("more visits");
    }

    /** Issue 12: the first message asked the patient to answer the health questions they had just answered. */
    @Test
    void theRequestReceivedSmsDoesNotAskForTheAnswersAgain() {
        assertThat(templates.render("request-received", WORST)).doesNotContain("answer the health questions")
                .contains("Nothing more to do");
    }

    @Test
    void theTemplateFilesThemselvesAreGsm7() throws Exception {
        for (String name : smsTemplates()) {
            String source = Files.readString(Path.of(SmsTemplatesTest.class.getClassLoader()
                    .getResource("templates/sms/" + name + ".txt").toURI()));
            assertThat(Gsm7.isGsm7(source.replace("[(${", "").replace("})]", ""))).as(name).isTrue();
        }
    }

    @Test
    void valuesOutsideGsm7AreMadeSafe() {
        assertThat(Gsm7.sanitize("Zoë’s “café” – ok")).isEqualTo("Zoe's \"café\" - ok");
        assertThat(Gsm7.isGsm7(Gsm7.sanitize("名前 Łukasz"))).isTrue();
        assertThat(Gsm7.sanitize("Łukasz")).endsWith("ukasz");
    }

    @Test
    void theSafetyHoldTextNames911And988() {
        String text = templates.render("safety-hold", WORST);

        assertThat(text).contains("911", "988");
    }
}
