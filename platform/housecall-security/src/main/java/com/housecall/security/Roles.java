package com.housecall.security;

/** Realm roles of CONTRACT.md section 2, as used with {@code hasRole(...)}. */
public final class Roles {

    public static final String PATIENT = "patient";
    public static final String NURSE = "nurse";
    public static final String CLINICIAN = "clinician";
    public static final String OPERATOR = "operator";
    public static final String CLINIC = "clinic";

    private Roles() {
    }
}
