package com.housecall.booking.subscription;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.housecall.booking.referral.FhirCaller;
import com.housecall.booking.referral.FhirProblem;
import com.housecall.booking.subscription.SubscriptionRepository.DeliveryState;
import com.housecall.booking.subscription.SubscriptionRepository.Stored;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.springframework.stereotype.Component;

/**
 * R4 rest-hook subscriptions of a partner clinic to its own Tasks (DECISIONS 38): create (the signing secret is in
 * the answer's {@code channel.header}, once), read (with the delivery state) and delete. Public for HAPI.
 */
@Component
public class SubscriptionProvider implements IResourceProvider {

    static final String CRITERIA = "Task?owner=Organization/";
    static final String SECRET_HEADER = "X-Housecall-Secret";
    static final String FHIR_JSON = "application/fhir+json";
    static final String DELIVERY_STATE = "https://housecall.example/fhir/StructureDefinition/delivery-state";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionRepository subscriptions;
    private final EndpointGuard guard;
    private final Clock clock;

    SubscriptionProvider(SubscriptionRepository subscriptions, EndpointGuard guard, Clock clock) {
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public Class<Subscription> getResourceType() {
        return Subscription.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Subscription requested) {
        String clinic = FhirCaller.clinic();
        String criteria = requested.getCriteria();
        if (criteria != null && criteria.startsWith(CRITERIA) && !criteria.equals(CRITERIA + clinic)) {
            throw new FhirProblem(403, IssueType.FORBIDDEN, "A clinic subscribes to its own Tasks only.");
        }
        List<FhirProblem.Issue> problems = new ArrayList<>();
        if (!(CRITERIA + clinic).equals(criteria)) {
            problems.add(new FhirProblem.Issue(IssueType.REQUIRED, "Subscription.criteria",
                    "criteria must be " + CRITERIA + "<your client id>."));
        }
        Subscription.SubscriptionChannelComponent channel = requested.getChannel();
        if (channel.getType() != SubscriptionChannelType.RESTHOOK) {
            problems.add(new FhirProblem.Issue(IssueType.NOTSUPPORTED, "Subscription.channel.type",
                    "channel.type must be rest-hook."));
        }
        if (channel.hasPayload() && !FHIR_JSON.equals(channel.getPayload())) {
            problems.add(new FhirProblem.Issue(IssueType.NOTSUPPORTED, "Subscription.channel.payload",
                    "channel.payload must be " + FHIR_JSON + "."));
        }
        guard.refusal(channel.getEndpoint()).ifPresent(refusal -> problems.add(
                new FhirProblem.Issue(IssueType.INVALID, "Subscription.channel.endpoint", refusal)));
        if (!problems.isEmpty()) {
            throw new FhirProblem(422, problems);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        Stored stored = new Stored(UUID.randomUUID(), clinic, channel.getEndpoint(),
                HexFormat.of().formatHex(secret), "active", null);
        subscriptions.insert(stored, clock.instant());
        Subscription answer = resource(stored);
        answer.getChannel().addHeader(SECRET_HEADER + ": " + stored.secret());
        MethodOutcome outcome = new MethodOutcome(new IdType("Subscription", stored.id().toString()), true);
        outcome.setResource(answer);
        return outcome;
    }

    @Read
    public Subscription read(@IdParam IdType id) {
        Subscription subscription = resource(own(id));
        DeliveryState state = subscriptions.state(own(id).id());
        Extension delivery = subscription.addExtension().setUrl(DELIVERY_STATE);
        delivery.addExtension("pending", new DecimalType(state.pending()));
        delivery.addExtension("delivered", new DecimalType(state.delivered()));
        delivery.addExtension("failed", new DecimalType(state.failed()));
        if (state.lastDeliveredAt() != null) {
            delivery.addExtension("lastDeliveredAt", new InstantType(java.util.Date.from(state.lastDeliveredAt())));
        }
        if (state.lastError() != null) {
            delivery.addExtension("lastError", new StringType(state.lastError()));
        }
        return subscription;
    }

    /** Turns it off: nothing more is sent, pending deliveries are dropped; it then reads as gone (404). */
    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        subscriptions.setStatus(own(id).id(), "off", null);
        return new MethodOutcome();
    }

    /** The caller's own subscription, not deleted; anyone else's is as absent as a missing one. */
    private Stored own(IdType id) {
        String clinic = FhirCaller.clinic();
        return parse(id.getIdPart()).flatMap(subscriptions::find)
                .filter(s -> s.clinic().equals(clinic) && !"off".equals(s.status()))
                .orElseThrow(() -> new FhirProblem(404, IssueType.NOTFOUND, "No such Subscription."));
    }

    private static Subscription resource(Stored stored) {
        Subscription subscription = new Subscription();
        subscription.setId(stored.id().toString());
        subscription.setStatus(SubscriptionStatus.fromCode(stored.status()));
        subscription.setCriteria(CRITERIA + stored.clinic());
        subscription.setReason("Status changes of the clinic's referral Tasks");
        if (stored.errorReason() != null) {
            subscription.setError(stored.errorReason());
        }
        subscription.getChannel().setType(SubscriptionChannelType.RESTHOOK).setEndpoint(stored.endpoint())
                .setPayload(FHIR_JSON);
        return subscription;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
