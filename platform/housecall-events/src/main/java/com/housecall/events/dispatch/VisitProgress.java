package com.housecall.events.dispatch;

/** A nurse's step on a visit, as {@code visit.status-changed} announces it (CONTRACT.md section 7). */
public enum VisitProgress {
    SCHEDULED, EN_ROUTE, ARRIVED, INFUSION_STARTED, INFUSION_COMPLETED, COMPLETED, NO_SHOW
}
