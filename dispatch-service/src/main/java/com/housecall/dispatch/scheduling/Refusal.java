package com.housecall.dispatch.scheduling;

/**
 * Why a chosen nurse may not take a visit at its start: the rules automatic dispatch applies, named so that an
 * operator who picked the nurse is told which one failed. Each detail names no patient.
 */
public enum Refusal {
    NOT_LICENSED("The nurse is not licensed in the visit's state."),
    MISSING_SKILLS("The nurse lacks a required skill (IV_THERAPY, ACLS)."),
    OUTSIDE_SERVICE_AREA("The nurse does not serve the visit's ZIP area."),
    OFF_SHIFT("The visit is outside the nurse's working hours."),
    TIME_OFF("The nurse has time off during the visit."),
    DAY_FULL("The nurse already has " + SchedulingPolicy.MAX_VISITS_PER_DAY + " visits that day."),
    OVERLAP("The visit overlaps another of the nurse's visits, or leaves under "
            + SchedulingPolicy.TRAVEL_BUFFER.toMinutes() + " minutes to travel between them.");

    private final String detail;

    Refusal(String detail) {
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
