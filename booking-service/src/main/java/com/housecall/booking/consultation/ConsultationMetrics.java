package com.housecall.booking.consultation;

import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.messaging.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Booking's business metrics (CONTRACT.md section 13, DECISIONS 33), counted from status changes once their
 * transaction commits: {@code housecall_consultations_total{outcome}} when screening settles a consultation (the
 * ruleset's ELIGIBLE, INELIGIBLE or CRISIS, or a clinician's decision on a REVIEW: ELIGIBLE or INELIGIBLE), and
 * {@code housecall_time_to_confirm_seconds} from the request to CONFIRMED, review time included.
 */
@Component
class ConsultationMetrics {

    private static final Set<ConsultationStatus> UNSETTLED = Set.of(ConsultationStatus.REQUESTED,
            ConsultationStatus.SCREENING, ConsultationStatus.IN_REVIEW);

    private final MeterRegistry meters;
    private final Timer timeToConfirm;

    ConsultationMetrics(MeterRegistry meters) {
        this.meters = meters;
        // buckets from seconds (rules alone) to days (a clinician's review, then a nurse)
        this.timeToConfirm = Timer.builder("housecall.time.to.confirm")
                .description("From a consultation's request to CONFIRMED, clinician review included")
                .serviceLevelObjectives(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1),
                        Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4),
                        Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7))
                .register(meters);
        // every outcome at 0 from the start, so rates and dashboards see the first one
        for (ScreeningOutcome outcome : EnumSet.complementOf(EnumSet.of(ScreeningOutcome.REVIEW))) {
            counter(outcome);
        }
    }

    /** After a screening result or a clinician's decision moved the consultation from {@code before}. */
    void screened(ConsultationStatus before, ConsultationStatus after) {
        settledOutcome(before, after).ifPresent(outcome -> AfterCommit.run(() -> counter(outcome).increment()));
    }

    /** After dispatch's answer moved the consultation from {@code before}: counts its first confirmation. */
    void scheduled(ConsultationStatus before, Consultation consultation, Instant now) {
        if (before == ConsultationStatus.SCHEDULING && consultation.status() == ConsultationStatus.CONFIRMED) {
            Duration waited = Duration.between(consultation.origin().createdAt(), now);
            AfterCommit.run(() -> timeToConfirm.record(waited));
        }
    }

    private Counter counter(ScreeningOutcome outcome) {
        return meters.counter("housecall.consultations", "outcome", outcome.name());
    }

    /** The screening's final word, if this change is the one that settled it; REVIEW is never final. */
    static Optional<ScreeningOutcome> settledOutcome(ConsultationStatus before, ConsultationStatus after) {
        if (!UNSETTLED.contains(before)) {
            return Optional.empty();
        }
        return switch (after) {
            case SCHEDULING -> Optional.of(ScreeningOutcome.ELIGIBLE);
            case INELIGIBLE -> Optional.of(ScreeningOutcome.INELIGIBLE);
            case SAFETY_HOLD -> Optional.of(ScreeningOutcome.CRISIS);
            default -> Optional.empty();
        };
    }
}
