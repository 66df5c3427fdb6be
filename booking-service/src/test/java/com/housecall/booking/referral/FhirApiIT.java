package com.housecall.booking.referral;

import static com.housecall.booking.referral.ReferralFixtures.referral;
import static com.housecall.booking.referral.ReferralFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.housecall.booking.BookingIntegration;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.testsupport.DevJwt;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * The FHIR R4 base {@code /api/fhir} (CONTRACT.md section 14) as a partner uses it: HAPI's own generic client against
 * the running service, creating, reading, searching and cancelling; raw HTTP only where a client would not go.
 */
class FhirApiIT extends BookingIntegration {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String PUBLIC_BASE = "http://localhost:8080/api/fhir";

    static {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // the shared CI machine can be slow: HAPI's 10 s default read timeout is not a contract
        FHIR.getRestfulClientFactory().setSocketTimeout(60_000);
    }

    private IGenericClient client(String clinic) {
        IGenericClient client = FHIR.newRestfulGenericClient(uri("/api/fhir").toString());
        if (clinic != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(
                    DevJwt.token("clinic-a", claims -> claims.claim("azp", clinic))));
        }
        return client;
    }

    private static Task create(IGenericClient client, ServiceRequest referral) {
        return (Task) client.create().resource(referral).execute().getResource();
    }

    @Test
    void theCapabilityStatementNeedsNoTokenAndListsWhatIsServed() {
        CapabilityStatement statement = client(null).capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        assertThat(interactions(resource(rest, "ServiceRequest"))).contains("create", "read");
        CapabilityStatementRestResourceComponent task = resource(rest, "Task");
        assertThat(interactions(task)).contains("read", "search-type");
        assertThat(task.getSearchParam()).extracting(p -> p.getName()).contains("identifier", "focus");
        assertThat(task.getOperation()).extracting(o -> o.getName()).contains("cancel");
        assertThat(rest.getSecurity().getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
    }

    @Test
    void aClinicCreatesReadsAndSearchesItsReferralWithAGenericClient() throws Exception {
        String clinic = "clinic-" + UUID.randomUUID();
        IGenericClient client = client(clinic);
        ServiceRequest referral = referral("FHIR-2001");

        MethodOutcome created = client.create().resource(referral).execute();

        assertThat(created.getCreated()).isTrue();
        Task task = (Task) created.getResource();
        String id = task.getIdElement().getIdPart();
        // Location: the Task, on the public base
        assertThat(created.getId().getValue()).isEqualTo(PUBLIC_BASE + "/Task/" + id);
        assertThat(task.getOwner().getReference()).isEqualTo("Organization/" + clinic);
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_REQUESTED, id).value())
                .contains("\"clinicId\":\"" + clinic + "\"").doesNotContain("Lovelace", "FHIR-2001");

        // sent again: the first referral, 200, nothing new
        MethodOutcome again = client.create().resource(referral("FHIR-2001")).execute();
        assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(again.getResource().getIdElement().getIdPart()).isEqualTo(id);

        Task read = client.read().resource(Task.class).withId(id).execute();
        assertThat(read.getFocus().getReference()).isEqualTo("ServiceRequest/" + id);
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo("FHIR-2001");
        ServiceRequest request = client.read().resource(ServiceRequest.class).withId(id).execute();
        assertThat(request.getIdentifierFirstRep().getValue()).isEqualTo("FHIR-2001");
        assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(request.hasContained()).isFalse();

        Bundle byIdentifier = client.search().forResource(Task.class)
                .where(Task.IDENTIFIER.exactly().systemAndIdentifier(ReferralFixtures.SYSTEM, "FHIR-2001"))
                .returnBundle(Bundle.class).execute();
        assertThat(byIdentifier.getEntry()).singleElement().satisfies(entry -> {
            assertThat(entry.getResource().getIdElement().getIdPart()).isEqualTo(id);
            assertThat(entry.getFullUrl()).isEqualTo(PUBLIC_BASE + "/Task/" + id);
        });
        assertThat(byIdentifier.getLink("self").getUrl()).startsWith(PUBLIC_BASE + "/Task?");
        Bundle byFocus = client.search().forResource(Task.class).where(Task.FOCUS.hasId("ServiceRequest/" + id))
                .returnBundle(Bundle.class).execute();
        assertThat(byFocus.getEntry()).singleElement()
                .satisfies(entry -> assertThat(entry.getResource().getIdElement().getIdPart()).isEqualTo(id));

        // another clinic: as if it did not exist
        IGenericClient other = client("clinic-" + UUID.randomUUID());
        assertThat(status(() -> other.read().resource(Task.class).withId(id).execute())).isEqualTo(404);
        assertThat(status(() -> other.read().resource(ServiceRequest.class).withId(id).execute())).isEqualTo(404);
        assertThat(other.search().forResource(Task.class).where(Task.FOCUS.hasId("ServiceRequest/" + id))
                .returnBundle(Bundle.class).execute().getEntry()).isEmpty();
        // section 5 answers the same Task, on its own path
        assertThat(get(DevJwt.token("clinic-a", c -> c.claim("azp", clinic)), "/api/referrals/" + id).body())
                .contains("Organization/" + clinic);
    }

    @Test
    void aClinicCancelsItsTaskOnceThenItIsFinal() {
        IGenericClient client = client("clinic-" + UUID.randomUUID());
        String id = create(client, referral("FHIR-3001")).getIdElement().getIdPart();

        Task cancelled = cancel(client, id);

        assertThat(cancelled.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
        assertThat(cancelled.getBusinessStatus().getText()).isEqualTo("CANCELLED");
        assertThat(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_CANCELLED, id).value())
                .contains("CLINIC");
        BaseServerResponseException twice = catchThrowableOfType(BaseServerResponseException.class,
                () -> cancel(client, id));
        assertThat(twice.getStatusCode()).isEqualTo(409);
        assertThat(issue(twice).getCode()).isEqualTo(OperationOutcome.IssueType.CONFLICT);
        assertThat(status(() -> cancel(client("clinic-" + UUID.randomUUID()), id))).isEqualTo(404);
    }

    @Test
    void everyErrorIsAnOperationOutcomeThatChangesNothing() throws Exception {
        IGenericClient client = client("clinic-" + UUID.randomUUID());

        BaseServerResponseException invalid = catchThrowableOfType(BaseServerResponseException.class,
                () -> client.create().resource(without(referral("FHIR-4001"), "consent-treatment")).execute());
        assertThat(invalid.getStatusCode()).isEqualTo(422);
        assertThat(issue(invalid).getExpression()).isNotEmpty();
        assertThat(client.search().forResource(Task.class).where(Task.IDENTIFIER.exactly().code("FHIR-4001"))
                .returnBundle(Bundle.class).execute().getEntry()).isEmpty();

        assertThat(status(() -> client.read().resource(Task.class).withId("not-a-uuid").execute())).isEqualTo(404);
        assertThat(status(() -> client.read().resource(Task.class).withId(UUID.randomUUID().toString()).execute()))
                .isEqualTo(404);
        assertThat(status(() -> client.search().forResource(Task.class).returnBundle(Bundle.class).execute()))
                .isEqualTo(400);

        String token = DevJwt.token("clinic-a");
        assertOutcome(raw(null, "GET", "/api/fhir/Task/" + UUID.randomUUID(), null, null), 401, "login");
        assertOutcome(raw(DevJwt.token("patient1"), "GET", "/api/fhir/Task?focus=x", null, null), 403, "forbidden");
        assertOutcome(raw(token, "POST", "/api/fhir/ServiceRequest", "application/fhir+json", "{not json"),
                400, "structure");
        assertOutcome(raw(token, "POST", "/api/fhir/ServiceRequest", "text/plain", "hello"), 415, "not-supported");
        assertOutcome(raw(token, "GET", "/api/fhir/Patient/1", null, null), 404, "not-found");
        assertOutcome(raw(token, "POST", "/api/fhir/ServiceRequest", "application/fhir+json",
                "{\"resourceType\":\"ServiceRequest\",\"note\":[{\"text\":\"" + "x".repeat(70 * 1024) + "\"}]}"),
                413, "too-costly");
    }

    @Test
    void aSmartClientIsHeldToItsSystemScopes() throws Exception {
        String clinic = "clinic-" + UUID.randomUUID();
        IGenericClient client = FHIR.newRestfulGenericClient(uri("/api/fhir").toString());
        // clinic-c's token as the realm shapes it: its SMART scopes, under a clinic id of this test's own
        client.registerInterceptor(new BearerTokenAuthInterceptor(DevJwt.token("clinic-c",
                claims -> claims.claim("azp", clinic))));

        String id = create(client, referral("FHIR-5001")).getIdElement().getIdPart();

        assertThat(client.read().resource(Task.class).withId(id).execute().getStatus())
                .isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(status(() -> cancel(client, id))).as("no system/Task.write").isEqualTo(403);
        String readOnly = DevJwt.token("clinic-a", claims -> claims.claim("azp", clinic)
                .claim("scope", "system/Task.read"));
        assertOutcome(raw(readOnly, "POST", "/api/fhir/ServiceRequest", "application/fhir+json", "{}"),
                403, "forbidden");
    }

    @Test
    void theFormatIsNegotiated() throws Exception {
        HttpResponse<String> xml = raw(null, "GET", "/api/fhir/metadata?_format=xml", null, null);
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+xml"));
        assertThat(xml.body()).contains("<CapabilityStatement");
        HttpResponse<String> json = raw(null, "GET", "/api/fhir/metadata", null, null);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
    }

    @Test
    void theSmartConfigurationNeedsNoToken() throws Exception {
        HttpResponse<String> smart = raw(null, "GET", "/api/fhir/.well-known/smart-configuration", null, null);

        assertThat(smart.statusCode()).isEqualTo(200);
        var document = json(smart);
        assertThat(document.get("token_endpoint").asString()).endsWith("/protocol/openid-connect/token");
        assertThat(document.get("token_endpoint_auth_methods_supported").toString()).contains("private_key_jwt");
        assertThat(document.get("scopes_supported").toString())
                .contains("system/ServiceRequest.write", "system/Task.read");
    }

    private static Task cancel(IGenericClient client, String id) {
        return client.operation().onInstance(new IdType("Task", id)).named("$cancel")
                .withNoParameters(Parameters.class).returnResourceType(Task.class).execute();
    }

    private static int status(Runnable call) {
        BaseServerResponseException e = catchThrowableOfType(BaseServerResponseException.class, call::run);
        assertThat(e).as("a FHIR error answer").isNotNull();
        assertThat(e.getOperationOutcome()).isInstanceOf(OperationOutcome.class);
        return e.getStatusCode();
    }

    private static OperationOutcome.OperationOutcomeIssueComponent issue(BaseServerResponseException e) {
        return ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
    }

    private HttpResponse<String> raw(String token, String method, String path, String type, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertOutcome(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getCode().toCode()).isEqualTo(code);
    }

    private static CapabilityStatementRestResourceComponent resource(
            CapabilityStatement.CapabilityStatementRestComponent rest, String type) {
        return rest.getResource().stream().filter(r -> r.getType().equals(type)).findFirst().orElseThrow();
    }

    private static java.util.List<String> interactions(CapabilityStatementRestResourceComponent resource) {
        return resource.getInteraction().stream().map(i -> i.getCode().toCode()).toList();
    }
}
