package com.housecall.booking.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.housecall.booking.BookingIntegration;
import com.housecall.testsupport.DevJwt;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A partner clinic subscribes to its Tasks with HAPI's generic client and receives each status change at a real
 * local HTTP endpoint, signed, in order, retried after a failed delivery; after 24 h of failures the subscription is
 * in error. Time past the first attempt is given to {@link DeliveryWorker#deliverDue} rather than waited for.
 */
class SubscriptionIT extends BookingIntegration {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    static {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // the shared CI machine can be slow: HAPI's 10 s default read timeout is not a contract
        FHIR.getRestfulClientFactory().setSocketTimeout(60_000);
    }

    @Autowired
    DeliveryWorker worker;

    /** A partner's webhook: records what it receives, answers the queued statuses first, then 200. */
    static final class Receiver implements AutoCloseable {

        record Received(String signature, String contentType, String body) {
        }

        final List<Received> received = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedDeque<Integer> answers = new ConcurrentLinkedDeque<>();
        private final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-Housecall-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body));
                Integer status = answers.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private IGenericClient client(String clinic) {
        IGenericClient client = FHIR.newRestfulGenericClient(uri("/api/fhir").toString());
        client.registerInterceptor(new BearerTokenAuthInterceptor(
                DevJwt.token("clinic-a", claims -> claims.claim("azp", clinic))));
        return client;
    }

    private static Subscription subscription(String criteria, String endpoint) {
        Subscription subscription = new Subscription().setCriteria(criteria).setReason("referral updates");
        subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED);
        subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint)
                .setPayload("application/fhir+json");
        return subscription;
    }

    private static String referral(IGenericClient client, String identifier) {
        ServiceRequest referral = com.housecall.booking.referral.ReferralFixturesAccess.referral(identifier);
        return client.create().resource(referral).execute().getResource().getIdElement().getIdPart();
    }

    private static void cancel(IGenericClient client, String taskId) {
        client.operation().onInstance(new IdType("Task", taskId)).named("$cancel")
                .withNoParameters(Parameters.class).returnResourceType(Task.class).execute();
    }

    /** Each notification as the partner checks it: FHIR JSON, a signature made with its secret over t.body. */
    private static Task verified(Receiver.Received received, String secret) {
        assertThat(received.contentType()).startsWith("application/fhir+json");
        String timestamp = received.signature().substring(2, received.signature().indexOf(','));
        assertThat(received.signature())
                .isEqualTo(Notifications.signature(secret, Long.parseLong(timestamp), received.body()));
        return FHIR.newJsonParser().parseResource(Task.class, received.body());
    }

    /** A part of the delivery-state extension, or null while it has none. */
    private static String delivery(Subscription subscription, String part) {
        Extension value = subscription.getExtensionByUrl(SubscriptionProvider.DELIVERY_STATE).getExtensionByUrl(part);
        return value == null ? null : value.getValue().primitiveValue();
    }

    @Test
    void eachStatusChangeReachesTheClinicSignedAndInOrder() throws Exception {
        String clinic = "clinic-" + UUID.randomUUID();
        IGenericClient client = client(clinic);
        try (Receiver receiver = new Receiver()) {
            Subscription created = (Subscription) client.create()
                    .resource(subscription("Task?owner=Organization/" + clinic, receiver.url())).execute()
                    .getResource();
            assertThat(created.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
            String secret = created.getChannel().getHeader().getFirst().getValue()
                    .substring("X-Housecall-Secret: ".length());
            String subscriptionId = created.getIdElement().getIdPart();
            Subscription read = client.read().resource(Subscription.class).withId(subscriptionId).execute();
            assertThat(read.getChannel().getHeader()).as("the secret is shown once").isEmpty();

            String task = referral(client, "SUB-1");
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received.size() == 1);
            cancel(client, task);
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received.size() == 2);

            List<Task> tasks = receiver.received.stream().map(r -> verified(r, secret)).toList();
            assertThat(tasks).extracting(t -> t.getStatus()).containsExactly(Task.TaskStatus.REQUESTED,
                    Task.TaskStatus.CANCELLED);
            assertThat(tasks).allSatisfy(t -> {
                assertThat(t.getIdElement().getIdPart()).isEqualTo(task);
                assertThat(t.getOwner().getReference()).isEqualTo("Organization/" + clinic);
            });
            assertThat(receiver.received.getLast().body()).doesNotContain("Lovelace");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(delivery(client.read()
                    .resource(Subscription.class).withId(subscriptionId).execute(), "delivered")).isEqualTo("2"));
        }
    }

    @Test
    void aFailedDeliveryIsRetriedAndAfter24HoursOfFailuresTheSubscriptionIsInError() throws Exception {
        String clinic = "clinic-" + UUID.randomUUID();
        IGenericClient client = client(clinic);
        try (Receiver receiver = new Receiver()) {
            receiver.answers.add(500);
            String subscriptionId = client.create()
                    .resource(subscription("Task?owner=Organization/" + clinic, receiver.url())).execute()
                    .getId().getIdPart();
            String task = referral(client, "SUB-2");

            // the first try fails: GET Subscription says so, and the Task waits for its retry a minute later
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Subscription state = client.read().resource(Subscription.class).withId(subscriptionId).execute();
                assertThat(delivery(state, "lastError")).isNotNull().contains("HTTP 500");
                assertThat(delivery(state, "pending")).isEqualTo("1");
            });
            assertThat(worker.deliverDue(Instant.now())).as("not due again yet").isZero();
            assertThat(worker.deliverDue(Instant.now().plusSeconds(61))).isEqualTo(1);
            assertThat(receiver.received).hasSize(2);
            assertThat(receiver.received.get(0).body()).isEqualTo(receiver.received.get(1).body());

            // from now on every delivery fails: 24 h of retries, then the subscription is in error
            for (int i = 0; i < 40; i++) {
                receiver.answers.add(503);
            }
            cancel(client, task);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(delivery(client.read()
                    .resource(Subscription.class).withId(subscriptionId).execute(), "lastError"))
                    .isNotNull().contains("HTTP 503"));
            Instant dayLater = Instant.now().plus(Duration.ofHours(25));
            while (worker.deliverDue(dayLater) > 0) {
                assertThat(receiver.received.size()).isLessThan(40);
            }
            Subscription failed = client.read().resource(Subscription.class).withId(subscriptionId).execute();
            assertThat(failed.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ERROR);
            assertThat(failed.getError()).contains("24 hours", "HTTP 503");
            // 1 first try + 26 retries (1, 5, 30 min, then hourly until 24 h)
            assertThat(receiver.received).hasSize(2 + 27);
        }
    }

    @Test
    void aClinicSubscribesToItsOwnTasksAtASafeEndpointOnly() throws Exception {
        String clinic = "clinic-" + UUID.randomUUID();
        IGenericClient client = client(clinic);

        assertThat(refusal(() -> client.create().resource(subscription("Task?owner=Organization/clinic-b",
                "http://127.0.0.1:1/hook")).execute()).getStatusCode()).isEqualTo(403);
        BaseServerResponseException noCriteria = refusal(() -> client.create()
                .resource(subscription(null, "http://127.0.0.1:1/hook")).execute());
        assertThat(noCriteria.getStatusCode()).isEqualTo(422);
        BaseServerResponseException internal = refusal(() -> client.create()
                .resource(subscription("Task?owner=Organization/" + clinic, "https://169.254.169.254/latest"))
                .execute());
        assertThat(internal.getStatusCode()).isEqualTo(422);
        assertThat(((OperationOutcome) internal.getOperationOutcome()).getIssueFirstRep().getExpression())
                .extracting(e -> e.getValue()).containsExactly("Subscription.channel.endpoint");
        assertThat(refusal(() -> client.create().resource(subscription("Task?owner=Organization/" + clinic,
                "http://10.0.0.1/hook")).execute()).getStatusCode()).isEqualTo(422);

        String id = client.create().resource(subscription("Task?owner=Organization/" + clinic,
                "http://127.0.0.1:1/hook")).execute().getId().getIdPart();
        assertThat(refusal(() -> client(clinic + "-other").read().resource(Subscription.class).withId(id)
                .execute()).getStatusCode()).isEqualTo(404);
        client.delete().resourceById(new IdType("Subscription", id)).execute();
        assertThat(refusal(() -> client.read().resource(Subscription.class).withId(id).execute()).getStatusCode())
                .isEqualTo(404);
    }

    private static BaseServerResponseException refusal(Runnable call) {
        BaseServerResponseException e = catchThrowableOfType(BaseServerResponseException.class, call::run);
        assertThat(e).as("a FHIR error answer").isNotNull();
        assertThat(e.getOperationOutcome()).isInstanceOf(OperationOutcome.class);
        return e;
    }
}
