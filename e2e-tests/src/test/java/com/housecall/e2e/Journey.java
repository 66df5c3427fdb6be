package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the care-loop tests share: calls through the gateway with real Keycloak tokens, a patient of their own
 * (a unique phone and email, so the messages a test counts are its own) and what the SMS sink and the SMTP server
 * received for them.
 */
final class Journey {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    /** How long an outcome may take; -De2e.patience=20 shortens a run against code known to lack it. */
    static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("e2e.patience", 90));
    /** How long "and nothing more arrives" is watched, once what should arrive has arrived. */
    static final Duration QUIET = Duration.ofSeconds(3);
    static final String PATIENT = "patient1";

    private static final AtomicInteger NEXT_PHONE = new AtomicInteger(ThreadLocalRandom.current().nextInt(9000));

    final Platform platform = Platform.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A status, the Content-Type and the parsed body (null when empty or not JSON). */
    record Answer(int status, String contentType, String text, JsonNode body) {
    }

    /** Contacts of one test's patient, and where they live (CA in Los Angeles time unless said otherwise). */
    record Patient(String email, String phone, String state, String timeZone, String postalCode) {

        static Patient fresh() {
            return in("CA", "America/Los_Angeles", "94107");
        }

        static Patient in(String state, String timeZone, String postalCode) {
            return new Patient("p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test",
                    "+1628555%04d".formatted(NEXT_PHONE.getAndIncrement() % 10000), state, timeZone, postalCode);
        }
    }

    /** One email as the patient sees it. */
    record Mail(String subject, String body) {
    }

    Answer send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Bearer " + platform.token(user));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode json = type.contains("json") && !response.body().isBlank() ? JSON.readTree(response.body()) : null;
        return new Answer(response.statusCode(), type, response.body(), json);
    }

    /** The body of a call that must succeed. */
    JsonNode ok(String user, String method, String path, String body) throws Exception {
        Answer answer = send(user, method, path, body);
        assertThat(answer.status()).as(method + " " + path + ": " + answer.text()).isBetween(200, 299);
        return answer.body();
    }

    String submit(String body) throws Exception {
        return ok(PATIENT, "POST", "/api/consultations", body).get("id").asString();
    }

    JsonNode view(String id) throws Exception {
        return ok(PATIENT, "GET", "/api/consultations/" + id, null);
    }

    void awaitStatus(String id, String status) {
        await().atMost(PATIENCE).until(() -> view(id).get("status").asString().equals(status));
    }

    /** Waits until the course's visits are all booked or found unbookable, and answers them by sequence. */
    List<JsonNode> awaitCourseSettled(String id, int visits) {
        await().atMost(PATIENCE).until(() -> {
            List<JsonNode> all = visits(view(id));
            return all.size() >= visits && all.stream().noneMatch(v -> v.get("status").asString().equals("REQUESTED"));
        });
        try {
            return visits(view(id));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> visits(JsonNode consultation) {
        List<JsonNode> visits = new ArrayList<>(consultation.get("visits").values());
        visits.sort((a, b) -> Integer.compare(a.get("sequence").asInt(), b.get("sequence").asInt()));
        return visits;
    }

    static JsonNode visit(JsonNode consultation, String visitId) {
        return visits(consultation).stream().filter(v -> v.get("id").asString().equals(visitId)).findFirst().orElseThrow();
    }

    void decide(String id, String decision) throws Exception {
        ok("clinician1", "POST", "/api/screenings/" + id + "/decision",
                "{\"decision\": \"" + decision + "\", \"note\": \"seen\"}");
    }

    /** Every text the SMS sink took for this patient, oldest first. */
    List<String> sms(Patient patient) {
        return platform.sms.messagesTo(patient.phone()).stream().map(m -> m.body()).toList();
    }

    List<Mail> mails(Patient patient) {
        return Arrays.stream(platform.smtp.getReceivedMessages()).filter(m -> to(m, patient.email()))
                .map(m -> new Mail(subject(m), text(m))).toList();
    }

    /** The texts after the first {@code seen}, from one read of the sink (a second read may hold more). */
    List<String> smsAfter(Patient patient, int seen) {
        return after(sms(patient), seen);
    }

    /** The emails after the first {@code seen}, from one read of the mail server. */
    List<Mail> mailsAfter(Patient patient, int seen) {
        return after(mails(patient), seen);
    }

    private static <T> List<T> after(List<T> all, int seen) {
        return all.subList(Math.min(seen, all.size()), all.size());
    }

    /**
     * Writes what this patient received, SMS then email, to {@code target/patient-messages/<path>.txt}: the texts
     * of each path as the tests saw them, for the notes on what patients are told.
     */
    void writeMessages(String path, Patient patient) throws java.io.IOException {
        StringBuilder out = new StringBuilder("# " + path + "\n\n## SMS\n");
        sms(patient).forEach(text -> out.append("- ").append(text).append('\n'));
        out.append("\n## Email\n");
        mails(patient).forEach(mail -> out.append("### ").append(mail.subject()).append("\n\n")
                .append(mail.body().strip()).append("\n\n"));
        java.nio.file.Path file = java.nio.file.Path.of("target", "patient-messages", path + ".txt");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, out);
    }

    /** The notifications notification-service recorded for a consultation (operator view: types, no text). */
    List<JsonNode> notifications(String id) throws Exception {
        JsonNode page = ok("operator1", "GET", "/api/notifications?consultationId=" + id + "&size=100", null);
        return List.copyOf(page.get("items").values());
    }

    /** Review-queue items of every page, as a clinician sees them. */
    List<JsonNode> reviewQueue() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = ok("clinician1", "GET", "/api/screenings/review-queue?size=100&page=" + page, null);
            items.addAll(answer.get("items").values());
            if (answer.get("items").isEmpty() || items.size() >= answer.get("totalItems").asInt()) {
                return items;
            }
        }
    }

    /** The crisis message: 911 and 988, and no word of a cancellation (which may point to 988 too). */
    static boolean isCrisis(String text) {
        return text.contains("911") && text.contains("988") && !mentionsCancel(text);
    }

    static boolean isCrisisMail(Mail mail) {
        return isCrisis(mail.subject() + "\n" + mail.body());
    }

    static boolean mentionsCancel(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).contains("cancel");
    }

    /** A Monday-to-Saturday 09:00 in Los Angeles, at least {@code days} days ahead (the demo nurses rest on Sunday). */
    static OffsetDateTime morning(int days) {
        LocalDate day = LocalDate.now(LOS_ANGELES).plusDays(days);
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(LocalTime.of(9, 0)).atZone(LOS_ANGELES).toOffsetDateTime();
    }

    /** A preferred-windows array: each start given, four hours long. */
    static String windows(OffsetDateTime... starts) {
        return Arrays.stream(starts).map(s -> "{\"start\": \"%s\", \"end\": \"%s\"}".formatted(iso(s), iso(s.plusHours(4))))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    static String iso(OffsetDateTime at) {
        return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * A request by {@code patient} with SMS and email consented; {@code channels} the preferred ones (e.g.
     * {@code "\"SMS\", \"EMAIL\""}); two failed trials screen ELIGIBLE, one IN_REVIEW, {@code item9} >= 1 is a crisis.
     */
    static String request(Patient patient, String channels, int failedTrials, int item9, String windows) {
        return """
                {"patient": {"givenName": "Ottilie", "familyName": "Quennell", "dateOfBirth": "1979-12-09",
                  "email": "%s", "phone": "%s", "preferredChannels": [%s]},
                 "address": {"line1": "9 Harbor Way", "city": "Somewhere", "state": "%s", "postalCode": "%s"},
                 "timeZone": "%s",
                 "intake": {"phq9": [2, 2, 1, 2, 1, 2, 1, 1, %d], "gad7": [1, 1, 1, 1, 0, 0, 1],
                   "failedAntidepressantTrials": %d, "conditions": [], "medications": [],
                   "alcoholUseDisorder": false, "substanceUseDisorder": false, "pregnant": false,
                   "breastfeeding": false, "bloodPressure": {"systolic": 122, "diastolic": 78},
                   "inPersonEvaluationCompleted": true},
                 "preferredWindows": %s,
                 "consent": {"treatment": true, "sms": true, "email": true}}""".formatted(patient.email(),
                patient.phone(), channels, patient.state(), patient.postalCode(), patient.timeZone(), item9,
                failedTrials, windows);
    }

    static String request(Patient patient, int failedTrials, int item9, int daysAhead) {
        return request(patient, "\"SMS\", \"EMAIL\"", failedTrials, item9, windows(morning(daysAhead)));
    }

    /** The topics every module reads: no PHI may travel on them (CONTRACT 9). */
    static final String[] SHARED_TOPICS = {com.housecall.events.Topics.BOOKING_EVENTS,
            com.housecall.events.Topics.SCREENING_EVENTS, com.housecall.events.Topics.DISPATCH_EVENTS,
            com.housecall.events.Topics.NOTIFICATION_EVENTS};

    /** Every event of the consultation on the shared topics fits its schema and names nothing of the patient. */
    static void assertWellFormedWithoutPhi(com.housecall.testsupport.TopicRecorder topics, String id, Patient patient) {
        List<com.housecall.testsupport.TopicRecorder.Received> records = topics.matching(r -> id.equals(r.key()));
        assertThat(records).isNotEmpty();
        for (com.housecall.testsupport.TopicRecorder.Received record : records) {
            String type = record.header("ce_type");
            assertThat(com.housecall.events.EventSchemas.violations(type,
                    record.value().getBytes(java.nio.charset.StandardCharsets.UTF_8))).as(type).isEmpty();
            Phi.assertAbsent(record.value(), type, List.of("Ottilie", "Quennell", "1979-12-09", patient.email(),
                    patient.phone(), "9 Harbor Way", patient.postalCode()));
            assertThat(record.headers().values().toString()).as(type + " headers")
                    .doesNotContain(patient.email(), patient.phone());
        }
    }

    /** Every string value anywhere in a JSON tree. */
    static List<String> strings(JsonNode node) {
        if (node.isString()) {
            return List.of(node.asString());
        }
        return StreamSupport.stream(node.spliterator(), false).flatMap(child -> strings(child).stream()).toList();
    }

    private static boolean to(MimeMessage mail, String address) {
        try {
            return mail.getAllRecipients() != null && Arrays.toString(mail.getAllRecipients()).contains(address);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part as the patient reads it (decoded), else the raw body. */
    private static String text(MimeMessage mail) {
        try {
            String plain = plain(mail);
            return plain != null ? plain : GreenMailUtil.getBody(mail);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(jakarta.mail.Part part) throws MessagingException, java.io.IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                String plain = plain(parts.getBodyPart(i));
                if (plain != null) {
                    return plain;
                }
            }
        }
        return null;
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
