package com.housecall.booking.consultation;

import com.housecall.events.dispatch.VisitRescheduleFailed;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.events.dispatch.VisitUnschedulable;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What dispatch answers about a visit moves the visit and the course on ({@link Course}); an event about a visit
 * booking does not know is ignored. Each is recorded in the timeline.
 */
@Service
class DispatchOutcomes {

    private final Consultations consultations;
    private final Clock clock;
    private final ConsultationMetrics metrics;
    private final CourseRequests plans = new CourseRequests();

    DispatchOutcomes(Consultations consultations, Clock clock, ConsultationMetrics metrics) {
        this.consultations = consultations;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Transactional
    void visitScheduled(VisitScheduled scheduled, Heard heard) {
        onVisit(scheduled.consultationId(), scheduled.visitId(), heard, (c, visit) -> {
            ConsultationStatus before = c.status();
            Instant now = Instant.now(clock);
            c.course().scheduled(visit, scheduled, plans, now);
            metrics.scheduled(before, c, now);
        });
    }

    @Transactional
    void visitUnschedulable(VisitUnschedulable event, Heard heard) {
        onVisit(event.consultationId(), event.visitId(), heard,
                (c, visit) -> c.course().unschedulable(visit, event, plans, Instant.now(clock)));
    }

    @Transactional
    void rescheduleFailed(VisitRescheduleFailed event, Heard heard) {
        onVisit(event.consultationId(), event.visitId(), heard,
                (c, visit) -> c.course().rescheduleFailed(visit, Instant.now(clock)));
    }

    @Transactional
    void visitStatusChanged(VisitStatusChanged changed, Heard heard) {
        VisitStatus status = VisitStatus.valueOf(changed.status().name());
        onVisit(changed.consultationId(), changed.visitId(), heard,
                (c, visit) -> c.course().progressed(visit, status, Instant.now(clock)));
    }

    /** Locks the consultation, finds its visit, records the event in the timeline, applies it and saves. */
    private void onVisit(UUID consultationId, UUID visitId, Heard heard, BiConsumer<Consultation, Visit> apply) {
        consultations.lock(consultationId).ifPresent(c -> c.course().visit(visitId).ifPresent(visit -> {
            c.heard(heard);
            apply.accept(c, visit);
            consultations.save(c);
        }));
    }
}
