package com.housecall.dispatch.record;

/** The kinds of entry in a visit record (CONTRACT.md section 15, DECISIONS 44). */
public enum EntryKind {
    VITALS, DOSE, DRAW, RECONCILE, ADVERSE_EVENT, DISCHARGE
}
