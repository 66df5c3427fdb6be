package com.housecall.booking.consultation;

import java.util.Set;

/** Visit {@code status} of CONTRACT.md section 4, as booking-service sees it. */
enum VisitStatus {
    REQUESTED, SCHEDULED, EN_ROUTE, ARRIVED, INFUSION_STARTED, INFUSION_COMPLETED, COMPLETED, CANCELLED, NO_SHOW,
    UNSCHEDULABLE;

    private static final Set<VisitStatus> ENDED = Set.of(COMPLETED, CANCELLED, NO_SHOW, UNSCHEDULABLE);

    /** Nothing more happens to it. */
    boolean ended() {
        return ENDED.contains(this);
    }

    /** Not yet started: it may still be cancelled (never once the nurse is on the way). */
    boolean cancellable() {
        return this == REQUESTED || this == SCHEDULED;
    }

    static VisitStatus of(String name) {
        return valueOf(name);
    }
}
