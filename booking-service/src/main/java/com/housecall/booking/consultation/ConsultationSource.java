package com.housecall.booking.consultation;

/** Where a consultation came from (CONTRACT.md section 4 {@code source}). */
public enum ConsultationSource { PATIENT, REFERRAL }
