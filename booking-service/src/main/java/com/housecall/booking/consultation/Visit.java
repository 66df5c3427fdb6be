package com.housecall.booking.consultation;

import com.housecall.events.TimeWindow;
import com.housecall.events.booking.VisitPhase;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One visit of a course, part of its {@link Consultation}: the status booking shows, the time and nurse dispatch
 * gave it, the windows it was last asked for in. Changed only through the consultation; remembers what changed so
 * {@link Consultations#save} writes only that.
 */
final class Visit {

    enum Change { NONE, ADDED, CHANGED }

    private final UUID id;
    private final int sequence;
    private final VisitPhase phase;
    private VisitStatus status;
    private String startAt;
    private String endAt;
    private String nurseDisplay;
    private List<TimeWindow> windows;
    private boolean replanned;
    private Change change;

    Visit(UUID id, int sequence, VisitPhase phase, VisitStatus status, String startAt, String endAt,
          String nurseDisplay, List<TimeWindow> windows, boolean replanned) {
        this(id, sequence, phase, status, startAt, endAt, nurseDisplay, windows, replanned, Change.NONE);
    }

    private Visit(UUID id, int sequence, VisitPhase phase, VisitStatus status, String startAt, String endAt,
                  String nurseDisplay, List<TimeWindow> windows, boolean replanned, Change change) {
        this.id = id;
        this.sequence = sequence;
        this.phase = phase;
        this.status = status;
        this.startAt = startAt;
        this.endAt = endAt;
        this.nurseDisplay = nurseDisplay;
        this.windows = List.copyOf(windows);
        this.replanned = replanned;
        this.change = change;
    }

    /** A visit booking asks dispatch for: REQUESTED in its windows, no time yet. */
    static Visit requested(int sequence, VisitPhase phase, List<TimeWindow> windows) {
        return new Visit(UUID.randomUUID(), sequence, phase, VisitStatus.REQUESTED, null, null, null, windows, false,
                Change.ADDED);
    }

    UUID id() {
        return id;
    }

    int sequence() {
        return sequence;
    }

    VisitPhase phase() {
        return phase;
    }

    VisitStatus status() {
        return status;
    }

    String startAt() {
        return startAt;
    }

    String endAt() {
        return endAt;
    }

    String nurseDisplay() {
        return nurseDisplay;
    }

    List<TimeWindow> windows() {
        return windows;
    }

    boolean replanned() {
        return replanned;
    }

    Change change() {
        return change;
    }

    /** Where it is or was meant to be: its booked start, else the start of the first window it was asked in. */
    Optional<ZonedDateTime> plannedStart(ZoneId zone) {
        if (startAt != null) {
            return Optional.of(OffsetDateTime.parse(startAt).atZoneSameInstant(zone));
        }
        return windows.isEmpty() ? Optional.empty() : Optional.of(windows.getFirst().start().atZoneSameInstant(zone));
    }

    /** It holds or will hold a time: not called off, not given up on. */
    boolean holdsATime() {
        return status != VisitStatus.CANCELLED && status != VisitStatus.UNSCHEDULABLE;
    }

    void status(VisitStatus next) {
        status = next;
        touched();
    }

    void booked(VisitStatus next, String start, String end, String nurse) {
        status = next;
        startAt = start;
        endAt = end;
        nurseDisplay = nurse;
        touched();
    }

    void askedAgain(VisitStatus next, List<TimeWindow> newWindows, boolean replan) {
        status = next;
        windows = List.copyOf(newWindows);
        replanned = replan;
        touched();
    }

    /** Written: nothing is left to save. */
    void saved() {
        change = Change.NONE;
    }

    private void touched() {
        if (change == Change.NONE) {
            change = Change.CHANGED;
        }
    }
}
