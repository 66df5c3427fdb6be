package com.housecall.dispatch.record;

/** Adverse event codes (DECISIONS 45). */
public enum AdverseCode {
    NAUSEA, VOMITING, HYPERTENSION, AGITATION, EMERGENCE_REACTION, RESPIRATORY, OTHER
}
