package com.housecall.dispatch.visit;

import com.housecall.dispatch.nurse.NurseRoster;
import com.housecall.security.problem.ConflictException;
import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import com.housecall.security.problem.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' work on visits (DECISIONS 37): a nurse's day, and giving a SCHEDULED visit to a nurse they choose at
 * the same start. The visit's row lock, then the nurse's (as every dispatch write), so a reassignment never races
 * a status move, a decline, a reschedule or another booking of that nurse. Each reassignment is audited.
 */
@Service
class Reassignments {

    private static final Logger log = LoggerFactory.getLogger(Reassignments.class);

    private final Visits visits;
    private final Booker booker;
    private final NurseRoster roster;
    private final OperatorVisitViews views;
    private final Clock clock;

    Reassignments(Visits visits, Booker booker, NurseRoster roster, OperatorVisitViews views, Clock clock) {
        this.visits = visits;
        this.booker = booker;
        this.roster = roster;
        this.views = views;
        this.clock = clock;
    }

    record NurseDay(UUID nurseId, LocalDate date, String timeZone, List<OperatorVisit> items) {
    }

    /** The visits starting on {@code date} in the nurse's own zone (today there when null); 404 for no such nurse. */
    @Transactional(readOnly = true)
    NurseDay day(UUID nurseId, @Nullable LocalDate date) {
        ZoneId zone = roster.zoneOf(nurseId).orElseThrow(NotFoundException::new);
        LocalDate day = date == null ? LocalDate.ofInstant(clock.instant(), zone) : date;
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return new NurseDay(nurseId, day, zone.getId(), views.ofNurse(nurseId, from, to));
    }

    /**
     * The visit to {@code nurseId} at its start. The nurse it already has: answered unchanged, nothing sent (a
     * retried request). 409 with the rule broken otherwise: not SCHEDULED, started, an inactive or unqualified
     * nurse, off shift, time off, a full day, an overlap.
     */
    @Transactional
    OperatorVisit reassign(UUID visitId, UUID nurseId, String operator) {
        BookedVisit visit = visits.lock(visitId).orElseThrow(NotFoundException::new);
        if (roster.zoneOf(nurseId).isEmpty()) {
            throw new InvalidRequestException(
                    List.of(new FieldProblem("nurseId", "no nurse on the roster has this id")));
        }
        if (visit.status() == VisitStatus.SCHEDULED && visit.nurseId().equals(nurseId)) {
            return views.visit(visitId);
        }
        Instant now = Instant.now(clock);
        if (visit.status() != VisitStatus.SCHEDULED) {
            throw new ConflictException(
                    "Only a SCHEDULED visit can be reassigned; this one is " + visit.status() + ".");
        }
        if (!visit.start().isAfter(now)) {
            throw new ConflictException("The visit's start has passed.");
        }
        booker.assign(visits.request(visitId), visit, nurseId, now).ifPresent(refusal -> {
            throw new ConflictException(refusal);
        });
        views.recordReassignment(visitId, visit.nurseId(), nurseId, operator, now);
        log.info("Visit {} reassigned by an operator from nurse {} to nurse {}", visitId, visit.nurseId(), nurseId);
        return views.visit(visitId);
    }
}
