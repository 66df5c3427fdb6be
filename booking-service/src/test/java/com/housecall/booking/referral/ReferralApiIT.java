package com.housecall.booking.referral;

import static com.housecall.booking.referral.ReferralFixtures.patient;
import static com.housecall.booking.referral.ReferralFixtures.referral;
import static com.housecall.booking.referral.ReferralFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.housecall.booking.BookingIntegration;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.TestEvents;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * A partner clinic's referral over the running endpoint, built and read with HAPI FHIR's own R4 model and parser, as
 * a real FHIR client would (CONTRACT.md section 5).
 */
class ReferralApiIT extends BookingIntegration {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String FHIR_JSON = "application/fhir+json";

    private static IParser parser() {
        return FHIR.newJsonParser();
    }

    /** A token of a partner clinic of its own, so counts are not disturbed by other tests. */
    private static String clinicToken(String clinic) {
        return DevJwt.token("clinic-a", claims -> claims.claim("azp", clinic));
    }

    private HttpResponse<String> postReferral(String token, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/referrals"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postReferral(String token, ServiceRequest referral) throws Exception {
        return postReferral(token, FHIR_JSON, parser().encodeResourceToString(referral));
    }

    private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T read(HttpResponse<String> response,
                                                                                  Class<T> type) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith(FHIR_JSON));
        return parser().parseResource(type, response.body());
    }

    private static OperationOutcome outcome(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        return read(response, OperationOutcome.class);
    }

    private static List<String> expressions(OperationOutcome outcome) {
        return outcome.getIssue().stream().flatMap(issue -> issue.getExpression().stream())
                .map(e -> e.getValue()).toList();
    }

    private HttpResponse<String> search(String token, String system, String value) throws Exception {
        return get(token, "/api/referrals?identifier="
                + URLEncoder.encode(system + "|" + value, StandardCharsets.UTF_8));
    }

    @Test
    void aReferralIsCreatedOnceFoundByItsIdentifierAndReadBackAsATask() throws Exception {
        String clinic = "clinic-" + UUID.randomUUID();
        String token = clinicToken(clinic);
        ServiceRequest referral = referral("REF-1001");

        HttpResponse<String> created = postReferral(token, referral);

        assertThat(created.statusCode()).isEqualTo(201);
        Task answer = read(created, Task.class);
        String id = answer.getIdElement().getIdPart();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/referrals/" + id);

        // the same identifier again, even changed: the first version wins, same id, nothing new
        patient(referral).getNameFirstRep().setFamily("Byron");
        HttpResponse<String> again = postReferral(token, referral);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(read(again, Task.class).getIdElement().getIdPart()).isEqualTo(id);
        assertThat(again.headers().firstValue("Location")).hasValue("/api/referrals/" + id);

        Bundle found = read(search(token, ReferralFixtures.SYSTEM, "REF-1001"), Bundle.class);
        assertThat(found.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(found.getEntry()).singleElement().satisfies(entry -> {
            assertThat(entry.getResource()).isInstanceOf(Task.class);
            assertThat(entry.getResource().getIdElement().getIdPart()).isEqualTo(id);
            // the public base (housecall.web.base-url), never this service's own port or the request's Host
            assertThat(entry.getFullUrl()).isEqualTo("http://localhost:8080/api/referrals/" + id);
        });

        HttpResponse<String> got = get(token, "/api/referrals/" + id);
        assertThat(got.statusCode()).isEqualTo(200);
        Task task = read(got, Task.class);
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(task.getBusinessStatus().getText()).isIn("REQUESTED", "SCREENING");
        assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
        assertThat(task.getFocus().getReference()).isEqualTo("ServiceRequest/" + id);
        assertThat(task.getFocus().getIdentifier().getValue()).isEqualTo("REF-1001");
        assertThat(task.hasStatusReason()).isFalse();

        // the referral id is the consultation id; the clinic sees the first version, phone in E.164
        var view = json(get(token, "/api/consultations/" + id));
        assertThat(view.get("source").asString()).isEqualTo("REFERRAL");
        assertThat(view.get("patient").get("familyName").asString()).isEqualTo("Lovelace");
        assertThat(view.get("patient").get("phone").asString()).isEqualTo("+14155550100");
        assertThat(json(get(token, "/api/consultations")).get("totalItems").asLong()).isEqualTo(1);
        assertThat(topics.opened(topics.awaitOne(Topics.BOOKING_CONTACTS, EventTypes.CONTACT_UPDATED, id)))
                .contains("+14155550100").doesNotContain("Byron");
        assertThat(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_REQUESTED, id).value())
                .contains("REFERRAL").doesNotContain("Lovelace", "REF-1001");

        // an operator may read it; another clinic may not know it exists
        assertThat(get(DevJwt.token("operator1"), "/api/referrals/" + id).statusCode()).isEqualTo(200);
        OperationOutcome notFound = outcome(get(clinicToken("clinic-" + UUID.randomUUID()), "/api/referrals/" + id), 404);
        assertThat(notFound.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        Bundle none = read(search(DevJwt.token("clinic-b"), ReferralFixtures.SYSTEM, "REF-1001"), Bundle.class);
        assertThat(none.getTotal()).isZero();
        assertThat(none.getEntry()).isEmpty();
    }

    @Test
    void twoClinicsMayUseTheSameReferralNumber() throws Exception {
        HttpResponse<String> first = postReferral(DevJwt.token("clinic-a"), referral("SHARED-7"));
        HttpResponse<String> second = postReferral(DevJwt.token("clinic-b"), referral("SHARED-7"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(read(second, Task.class).getIdElement().getIdPart())
                .isNotEqualTo(read(first, Task.class).getIdElement().getIdPart());
    }

    @Test
    void aReferralSentTwiceAtOnceIsCreatedOnce() throws Exception {
        String clinic = "clinic-" + UUID.randomUUID();
        String token = clinicToken(clinic);
        String body = parser().encodeResourceToString(referral("RACE-1"));

        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> quietly(token, body));
        CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(() -> quietly(token, body));
        List<HttpResponse<String>> answers = List.of(one.join(), two.join());

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 200);
        List<String> ids = answers.stream().map(r -> read(r, Task.class).getIdElement().getIdPart()).toList();
        assertThat(ids.get(0)).isEqualTo(ids.get(1));
        assertThat(json(get(token, "/api/consultations")).get("totalItems").asLong()).isEqualTo(1);
    }

    private HttpResponse<String> quietly(String token, String body) {
        try {
            return postReferral(token, FHIR_JSON, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMissingRequiredFieldIs422NamingItAndNothingIsCreated() throws Exception {
        String clinic = "clinic-" + UUID.randomUUID();
        String token = clinicToken(clinic);
        ServiceRequest referral = without(referral("BAD-1"), "pregnant");
        Patient patient = patient(referral);
        patient.setBirthDate(null);

        OperationOutcome outcome = outcome(postReferral(token, referral), 422);

        assertThat(expressions(outcome)).containsExactlyInAnyOrder(
                "ServiceRequest.contained[0].birthDate",
                "ServiceRequest.contained[1].item.where(linkId='pregnant').answer.value");
        assertThat(outcome.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                .anySatisfy(d -> assertThat(d).startsWith("patient.dateOfBirth"))
                .anySatisfy(d -> assertThat(d).startsWith("intake.pregnant"));
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(json(get(token, "/api/consultations")).get("totalItems").asLong()).isZero();
        assertThat(read(search(token, ReferralFixtures.SYSTEM, "BAD-1"), Bundle.class).getTotal()).isZero();
    }

    @Test
    void aTimeZoneNotInUseInTheAddressStateIs422AndNothingIsCreated() throws Exception {
        String clinic = "clinic-" + UUID.randomUUID();
        String token = clinicToken(clinic);
        ServiceRequest referral = referral("ZONE-1");
        patient(referral).getExtensionByUrl(ServiceRequestMapper.TIME_ZONE_EXTENSION)
                .setValue(new org.hl7.fhir.r4.model.CodeType("America/New_York"));

        OperationOutcome outcome = outcome(postReferral(token, referral), 422);

        assertThat(expressions(outcome)).containsExactly(
                "ServiceRequest.contained[0].extension('" + ServiceRequestMapper.TIME_ZONE_EXTENSION + "').value");
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).startsWith("timeZone");
        assertThat(json(get(token, "/api/consultations")).get("totalItems").asLong()).isZero();
    }

    @Test
    void unparseableFhirIs400AndNeverEchoesTheBody() throws Exception {
        String token = DevJwt.token("clinic-a");

        OperationOutcome garbage = outcome(postReferral(token, FHIR_JSON, "{\"resourceType\": \"ServiceRequest\", secret-123"), 400);
        assertThat(garbage.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.STRUCTURE);
        assertThat(parser().encodeResourceToString(garbage)).doesNotContain("secret-123");

        HttpResponse<String> notAServiceRequest = postReferral(token, FHIR_JSON,
                "{\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Lovelace\"}]}");
        assertThat(notAServiceRequest.body()).doesNotContain("Lovelace");
        outcome(notAServiceRequest, 400);

        String badDate = parser().encodeResourceToString(referral("BAD-DATE")).replace("\"1988-02-14\"", "\"14/02/1988\"");
        HttpResponse<String> badValue = postReferral(token, FHIR_JSON, badDate);
        assertThat(badValue.body()).doesNotContain("14/02/1988");
        outcome(badValue, 400);

        outcome(postReferral(token, "application/xml", "<ServiceRequest/>"), 415);
        outcome(postReferral(token, FHIR_JSON, "{\"resourceType\":\"ServiceRequest\",\"note\":[{\"text\":\""
                + "x".repeat(70 * 1024) + "\"}]}"), 413);
    }

    @Test
    void securityErrorsAreOperationOutcomesToo() throws Exception {
        String body = parser().encodeResourceToString(referral("SEC-1"));

        OperationOutcome forbidden = outcome(postReferral(DevJwt.token("patient1"), FHIR_JSON, body), 403);
        assertThat(forbidden.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
        outcome(get(DevJwt.token("operator1"), "/api/referrals/not-a-uuid"), 404);
        outcome(postReferral(DevJwt.token("operator1"), FHIR_JSON, body), 403);
        outcome(get(DevJwt.token("clinician1"), "/api/referrals/" + UUID.randomUUID()), 403);
        OperationOutcome unauthorized = outcome(postReferral(null, FHIR_JSON, body), 401);
        assertThat(unauthorized.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
        outcome(get(DevJwt.token("clinic-a", c -> c.audience("other-api")), "/api/referrals?identifier=a%7Cb"), 401);
        outcome(send(DevJwt.token("clinic-a"), "DELETE", "/api/referrals/" + UUID.randomUUID(), null), 403);
    }

    @Test
    void anIneligibleReferralIsARejectedTaskWithTheScreeningsReasons() throws Exception {
        String token = clinicToken("clinic-" + UUID.randomUUID());
        String id = read(postReferral(token, referral("INELIGIBLE-1")), Task.class).getIdElement().getIdPart();

        TestEvents.publish(new ScreeningCompleted(UUID.fromString(id), ScreeningOutcome.INELIGIBLE, "1",
                List.of(new ScreeningCompleted.Reason("PSYCHOSIS_HISTORY", "A history of psychosis rules out ketamine.")),
                new ScreeningCompleted.Score(12, "MODERATE"), null, Instant.now()), "screening-service");

        Task task = await().atMost(Duration.ofSeconds(60))
                .until(() -> read(get(token, "/api/referrals/" + id), Task.class),
                        t -> t.getStatus() == Task.TaskStatus.REJECTED);
        assertThat(task.getBusinessStatus().getText()).isEqualTo("INELIGIBLE");
        assertThat(task.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("PSYCHOSIS_HISTORY");
        assertThat(task.getStatusReason().getText()).isEqualTo("A history of psychosis rules out ketamine.");
    }
}
