package com.housecall.screening.rules;

/** Declared from least to most serious: a decision takes the most serious outcome among its reasons. */
public enum Outcome {
    ELIGIBLE, REVIEW, INELIGIBLE, CRISIS;

    public boolean outranks(Outcome other) {
        return compareTo(other) > 0;
    }
}
