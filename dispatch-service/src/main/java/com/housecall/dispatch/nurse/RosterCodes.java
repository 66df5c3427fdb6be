package com.housecall.dispatch.nurse;

import java.util.Set;

/** The codes a nurse's licences and skills are written in (DECISIONS 14). */
final class RosterCodes {

    /** The 50 states and DC: where a nurse can hold a licence that dispatch honours. */
    static final Set<String> LICENSE_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA",
            "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
            "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
            "WA", "WV", "WI", "WY");

    static final Set<String> SKILLS = Set.of("IV_THERAPY", "ACLS", "PALS", "PHLEBOTOMY", "PSYCH");

    private RosterCodes() {
    }
}
