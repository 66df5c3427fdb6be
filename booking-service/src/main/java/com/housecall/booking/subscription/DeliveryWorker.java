package com.housecall.booking.subscription;

import com.housecall.booking.subscription.SubscriptionRepository.Delivery;
import com.housecall.booking.subscription.SubscriptionRepository.Stored;
import com.housecall.messaging.BatchPoller;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends due notifications from the delivery table, each subscription's in order: the Task as
 * {@code application/fhir+json}, signed. A failure is tried again on {@link Notifications#nextAttempt}'s schedule;
 * after 24 h the subscription goes to {@code error} with the reason. The endpoint is checked again before each try.
 */
@Component
public class DeliveryWorker extends BatchPoller {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** Longer than one try can take (5 s to connect, 10 s to answer): a crashed worker's row is due again after. */
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final SubscriptionRepository subscriptions;
    private final EndpointGuard guard;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    DeliveryWorker(SubscriptionRepository subscriptions, EndpointGuard guard, Clock clock,
                   @Value("${housecall.fhir.delivery-enabled:true}") boolean enabled) {
        super("fhir-subscription-delivery", Duration.ofSeconds(1), 20, enabled);
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    protected int runBatch() {
        return deliverDue(clock.instant());
    }

    /** Tries every delivery due at {@code now} that this worker wins; answers how many it tried. */
    public int deliverDue(Instant now) {
        int tried = 0;
        for (Delivery delivery : subscriptions.due(now, batchSize())) {
            Optional<Stored> subscription = subscriptions.find(delivery.subscriptionId());
            if (subscription.isPresent() && "active".equals(subscription.get().status())
                    && subscriptions.claim(delivery, now.plus(LEASE))) {
                attempt(subscription.get(), delivery, now);
                tried++;
            }
        }
        return tried;
    }

    private void attempt(Stored subscription, Delivery delivery, Instant now) {
        int attempts = delivery.attempts() + 1;
        String error = send(subscription, delivery.body(), now);
        if (error == null) {
            subscriptions.delivered(delivery.id(), attempts, now);
            return;
        }
        Optional<Instant> next = Notifications.nextAttempt(delivery.createdAt(), attempts);
        if (next.isPresent()) {
            subscriptions.retryAt(delivery.id(), attempts, next.get(), error);
            return;
        }
        subscriptions.failed(delivery.id(), attempts, error);
        subscriptions.setStatus(subscription.id(), "error", "Notifications failed for 24 hours; last: " + error);
        log.warn("subscription {} set to error after {} attempts", subscription.id(), attempts);
    }

    /** Null when the endpoint took it (2xx); else why not, without the endpoint or the body. */
    private String send(Stored subscription, String body, Instant now) {
        Optional<String> refused = guard.refusal(subscription.endpoint());
        if (refused.isPresent()) {
            return refused.get();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.endpoint()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/fhir+json")
                .header(Notifications.SIGNATURE_HEADER,
                        Notifications.signature(subscription.secret(), now.getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? null : "The endpoint answered HTTP " + status + ".";
        } catch (IOException e) {
            return "The endpoint could not be reached.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The delivery was interrupted.";
        }
    }
}
