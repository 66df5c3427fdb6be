package com.housecall.dispatch.visit;

import com.housecall.dispatch.nurse.NurseRoster;
import com.housecall.dispatch.nurse.NurseRosterChanged;
import com.housecall.dispatch.scheduling.Interval;
import com.housecall.events.dispatch.DeclineReason;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A nurse taken out of dispatch, or whose shifts or time off no longer cover a booked visit (DECISIONS 14): each
 * such coming visit (SCHEDULED, not started) goes to another nurse through {@link Dispatcher#release}, with
 * {@code visit.declined} reason NURSE_INACTIVE or NURSE_UNAVAILABLE. Runs in the roster change's transaction.
 */
@Component
class RosterChanges {

    private final Visits visits;
    private final NurseRoster roster;
    private final Dispatcher dispatcher;
    private final Clock clock;

    RosterChanges(Visits visits, NurseRoster roster, Dispatcher dispatcher, Clock clock) {
        this.visits = visits;
        this.roster = roster;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @EventListener
    void on(NurseRosterChanged change) {
        UUID nurseId = change.nurseId();
        for (UUID visitId : visits.comingOf(nurseId, Instant.now(clock))) {
            visits.lock(visitId)
                    .filter(visit -> visit.status() == VisitStatus.SCHEDULED && visit.nurseId().equals(nurseId))
                    .ifPresent(visit -> {
                        if (!change.active()) {
                            dispatcher.release(visit, DeclineReason.NURSE_INACTIVE, null);
                        } else if (!roster.current(nurseId, visit.consultationId(),
                                new Interval(visit.start(), visit.end())).available(visit.start(), visit.end())) {
                            dispatcher.release(visit, DeclineReason.NURSE_UNAVAILABLE, null);
                        }
                    });
        }
    }
}
