package com.housecall.dispatch.record;

import com.housecall.dispatch.record.RecordStore.RecordVisit;
import com.housecall.dispatch.visit.MoveGuard;
import com.housecall.security.Caller;
import com.housecall.security.problem.ConflictException;
import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import com.housecall.security.problem.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visit record's use cases: the assigned nurse appends an entry (validated, then checked against the record
 * so far; it may escalate), nurses and clinicians read it (each read audited), and status moves pass its gates.
 */
@Service
class VisitRecords implements MoveGuard {

    /** Entries are recorded from the arrival until the visit is completed. */
    static final Set<String> RECORDING = Set.of("ARRIVED", "INFUSION_STARTED", "INFUSION_COMPLETED");

    private final RecordStore store;
    private final Escalations escalations;
    private final Clock clock;
    private final Thresholds limits;
    private final String onCallPhone;

    VisitRecords(RecordStore store, Escalations escalations, Clock clock, VisitRecordProperties properties) {
        this.store = store;
        this.escalations = escalations;
        this.clock = clock;
        this.limits = properties.thresholds();
        this.onCallPhone = properties.onCallPhone();
    }

    @Transactional
    public VisitRecordView append(UUID nurseId, UUID visitId, EntryForm form, Caller nurse) {
        RecordVisit visit = store.lock(visitId).filter(v -> v.nurseId().equals(nurseId))
                .orElseThrow(NotFoundException::new);
        Instant arrivedAt = visit.arrivedAt();
        if (!RECORDING.contains(visit.status()) || arrivedAt == null) {
            throw new ConflictException("The visit is " + visit.status() + "; entries are recorded from ARRIVED "
                    + "until COMPLETED.");
        }
        Instant now = Instant.now(clock);
        String recorder = Objects.requireNonNullElse(nurse.username(), nurse.subject());
        List<FieldProblem> problems = EntryRules.problems(form, arrivedAt, now, recorder, limits);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        EntryForm entry = EntryRules.kept(form);
        RecordState state = state(visitId);
        state.conflict(entry).ifPresent(conflict -> {
            throw new ConflictException(conflict);
        });
        List<FieldProblem> discrepancy = state.discrepancy(entry);
        if (!discrepancy.isEmpty()) {
            throw new InvalidRequestException(discrepancy);
        }
        store.append(visit, entry, recorder, now);
        escalations.raise(visitId, visit.consultationId(),
                EscalationRules.reasons(entry, "ARRIVED".equals(visit.status()), limits));
        return view(visit, nurse, "nurse-record-append", true, now);
    }

    /** The record for its nurse ({@code nurseId} given) or a clinician (null); another nurse's visit is 404. */
    @Transactional
    public VisitRecordView read(@Nullable UUID nurseId, UUID visitId, Caller reader) {
        RecordVisit visit = store.find(visitId).filter(v -> nurseId == null || v.nurseId().equals(nurseId))
                .orElseThrow(NotFoundException::new);
        return view(visit, reader, nurseId == null ? "clinician-record" : "nurse-record", nurseId != null,
                Instant.now(clock));
    }

    /** CLINICAL-RULES.md section 6: INFUSION_STARTED and COMPLETED need the record; 409 naming what is missing. */
    @Override
    public void check(UUID visitId, String target, Instant now) {
        List<String> missing = state(visitId).missingFor(target, now, limits,
                escalations.open(visitId, false).isPresent());
        if (!missing.isEmpty()) {
            throw new ConflictException("The visit cannot move to " + target + " yet; the record needs "
                    + String.join("; ", missing) + ".");
        }
    }

    private VisitRecordView view(RecordVisit visit, Caller reader, String access, boolean forNurse, Instant now) {
        store.audit(visit, reader, access, now);
        return new VisitRecordView(visit.visitId(), visit.consultationId(),
                store.find(visit.visitId()).map(RecordVisit::status).orElse(visit.status()),
                store.entries(visit.visitId()), escalations.latest(visit.visitId(), false).orElse(null),
                forNurse ? VisitRecordView.OnCall.of(onCallPhone) : null);
    }

    private RecordState state(UUID visitId) {
        return new RecordState(store.entries(visitId).stream().map(RecordedEntry::entry).toList());
    }
}
