package com.housecall.booking.subscription;

import ca.uhn.fhir.context.FhirContext;
import com.housecall.booking.referral.TaskProvider;
import java.time.Clock;
import java.util.UUID;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * Turns events on the shared topics into notifications (DECISIONS 38): an event about a referral whose Task's
 * {@code status} or {@code businessStatus} differs from what each of its clinic's subscriptions was last sent queues
 * one delivery per subscription, in the handled event's inbox transaction (booking-service's {@code bookingEvents} and
 * {@code screeningEvents}). A redelivered event finds nothing changed and queues nothing. Events are the only
 * trigger: nothing polls the consultations.
 */
@Component
public class TaskNotifier {

    private final SubscriptionRepository subscriptions;
    private final TaskProvider tasks;
    private final FhirContext fhir;
    private final Clock clock;

    TaskNotifier(SubscriptionRepository subscriptions, TaskProvider tasks, FhirContext fhir, Clock clock) {
        this.subscriptions = subscriptions;
        this.tasks = tasks;
        this.fhir = fhir;
        this.clock = clock;
    }

    /**
     * In the handled event's transaction, after its consultation's turn was taken (both consumers read in turns), so
     * two topics' events never queue the same change twice, in this process or another.
     */
    public void changed(UUID consultation) {
        Task task = tasks.task(consultation, null).orElse(null);
        if (task == null) {
            return; // a patient's own consultation: no clinic to notify
        }
        String clinic = task.getOwner().getReferenceElement().getIdPart();
        String status = task.getStatus().toCode();
        String business = task.getBusinessStatus().getText();
        String body = fhir.newJsonParser().encodeResourceToString(task);
        for (SubscriptionRepository.Stored subscription : subscriptions.active(clinic)) {
            boolean same = subscriptions.lastQueued(subscription.id(), consultation)
                    .filter((status + "|" + business)::equals).isPresent();
            if (!same) {
                subscriptions.queue(subscription.id(), consultation, status, business, body, clock.instant());
            }
        }
    }
}
