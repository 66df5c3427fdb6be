package com.housecall.booking.consultation;

/** Who a consultation belongs to: the patient who asked (their token subject) or the clinic that referred them. */
interface Parties {

    String patientSubject();

    String referringClinic();

    default boolean ownedBy(String subject) {
        return patientSubject() != null && patientSubject().equals(subject);
    }

    default boolean referredBy(String clinic) {
        return referringClinic() != null && referringClinic().equals(clinic);
    }
}
