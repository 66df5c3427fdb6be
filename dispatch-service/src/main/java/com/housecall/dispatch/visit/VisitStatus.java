package com.housecall.dispatch.visit;

import java.util.Optional;

/**
 * Where a visit stands (CONTRACT.md section 7). A nurse moves it one step at a time along
 * {@code SCHEDULED → EN_ROUTE → ARRIVED → INFUSION_STARTED → INFUSION_COMPLETED → COMPLETED}, or to {@code NO_SHOW}
 * from {@code EN_ROUTE} or {@code ARRIVED}. {@code DECLINED} is what the declining nurse last sees (the visit then
 * belongs to another nurse); {@code CANCELLED} comes from booking, {@code UNSCHEDULABLE} when no nurse can take
 * it after a decline.
 */
enum VisitStatus {
    SCHEDULED, EN_ROUTE, ARRIVED, INFUSION_STARTED, INFUSION_COMPLETED, COMPLETED, NO_SHOW, DECLINED, CANCELLED,
    UNSCHEDULABLE;

    /** What a nurse's move does: nothing (a repeat), the move, or a refusal (409). */
    enum Move { UNCHANGED, ALLOWED, FORBIDDEN }

    Move moveTo(VisitStatus target) {
        if (target == this) {
            return Move.UNCHANGED;
        }
        boolean allowed = next().filter(target::equals).isPresent()
                || target == NO_SHOW && (this == EN_ROUTE || this == ARRIVED);
        return allowed ? Move.ALLOWED : Move.FORBIDDEN;
    }

    /** Booking may still call the visit off: the nurse is not on the way yet (DECISIONS 17), or nobody could take it. */
    boolean cancellable() {
        return this == SCHEDULED || this == UNSCHEDULABLE;
    }

    private Optional<VisitStatus> next() {
        return switch (this) {
            case SCHEDULED -> Optional.of(EN_ROUTE);
            case EN_ROUTE -> Optional.of(ARRIVED);
            case ARRIVED -> Optional.of(INFUSION_STARTED);
            case INFUSION_STARTED -> Optional.of(INFUSION_COMPLETED);
            case INFUSION_COMPLETED -> Optional.of(COMPLETED);
            default -> Optional.empty();
        };
    }
}
