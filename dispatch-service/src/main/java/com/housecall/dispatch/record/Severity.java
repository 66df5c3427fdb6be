package com.housecall.dispatch.record;

/** How bad an adverse event is; SEVERE escalates at once. */
public enum Severity {
    MILD, MODERATE, SEVERE
}
