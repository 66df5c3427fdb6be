package com.housecall.booking.consultation;

import java.util.UUID;

/**
 * What {@link ConsultationService#create} needs, whichever way the request arrived: a patient's own request
 * ({@code patientSubject} set) or a partner clinic's referral ({@code referringClinic} = the clinic's azp, and the
 * referral id as {@code id}).
 */
public record NewConsultation(UUID id, ConsultationSource source, String patientSubject, String referringClinic,
                              ConsultationRequest request) {

    public static NewConsultation byPatient(UUID id, String patientSubject, ConsultationRequest request) {
        return new NewConsultation(id, ConsultationSource.PATIENT, patientSubject, null, request);
    }

    public static NewConsultation byReferral(UUID id, String referringClinic, ConsultationRequest request) {
        return new NewConsultation(id, ConsultationSource.REFERRAL, null, referringClinic, request);
    }
}
