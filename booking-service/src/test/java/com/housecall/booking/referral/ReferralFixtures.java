package com.housecall.booking.referral;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/** A partner clinic's referral as CONTRACT.md section 5 shapes it, built with HAPI FHIR's own R4 model. */
final class ReferralFixtures {

    static final String SYSTEM = "https://clinic-a.example.test/referrals";

    private ReferralFixtures() {
    }

    static ServiceRequest referral(String identifierValue) {
        Patient patient = new Patient();
        patient.setId("patient");
        patient.addName().setFamily("Lovelace").addGiven("Ada");
        patient.setBirthDateElement(new DateType("1988-02-14"));
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("(415) 555-0100")
                .setUse(ContactPoint.ContactPointUse.MOBILE);
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("ada@example.test");
        patient.addAddress().addLine("1 Main St").setCity("San Francisco").setState("CA").setPostalCode("94107");
        patient.addExtension(ServiceRequestMapper.TIME_ZONE_EXTENSION, new CodeType("America/Los_Angeles"));

        QuestionnaireResponse intake = new QuestionnaireResponse();
        intake.setId("intake");
        intake.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        int[] phq9 = {2, 2, 1, 2, 1, 2, 1, 1, 0};
        for (int i = 0; i < phq9.length; i++) {
            answer(intake, "phq9-" + (i + 1), new IntegerType(phq9[i]));
        }
        int[] gad7 = {1, 1, 1, 1, 0, 0, 1};
        for (int i = 0; i < gad7.length; i++) {
            answer(intake, "gad7-" + (i + 1), new IntegerType(gad7[i]));
        }
        answer(intake, "failed-antidepressant-trials", new IntegerType(2));
        answer(intake, "medication", new StringType("sertraline 100 mg"));
        answer(intake, "alcohol-use-disorder", new BooleanType(false));
        answer(intake, "substance-use-disorder", new BooleanType(false));
        answer(intake, "pregnant", new BooleanType(false));
        answer(intake, "breastfeeding", new BooleanType(false));
        answer(intake, "in-person-evaluation-completed", new BooleanType(true));
        answer(intake, "systolic-bp", new IntegerType(124));
        answer(intake, "diastolic-bp", new IntegerType(80));
        answer(intake, "consent-treatment", new BooleanType(true));
        answer(intake, "consent-sms", new BooleanType(true));
        answer(intake, "consent-email", new BooleanType(true));
        answer(intake, "preferred-channel", new Coding().setCode("SMS"));
        answer(intake, "preferred-channel", new Coding().setCode("EMAIL"));

        ServiceRequest referral = new ServiceRequest();
        referral.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        referral.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        referral.addIdentifier().setSystem(SYSTEM).setValue(identifierValue);
        referral.getCode().setText("Ketamine infusion course at home");
        referral.addContained(patient);
        referral.addContained(intake);
        referral.setSubject(new Reference("#patient"));
        referral.addSupportingInfo(new Reference("#intake"));
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(-8)).plusDays(3)
                .withHour(9).withMinute(0).withSecond(0).withNano(0);
        referral.setOccurrence(new Period()
                .setStartElement(new DateTimeType(start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .setEndElement(new DateTimeType(start.plusHours(4).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))));
        referral.setAuthoredOn(new Date());
        return referral;
    }

    static void answer(QuestionnaireResponse response, String linkId, Type value) {
        response.addItem().setLinkId(linkId).addAnswer().setValue(value);
    }

    static QuestionnaireResponse intake(ServiceRequest referral) {
        return (QuestionnaireResponse) referral.getContained().get(1);
    }

    static Patient patient(ServiceRequest referral) {
        return (Patient) referral.getContained().get(0);
    }

    /** Drops every item with {@code linkId} from the referral's answers. */
    static ServiceRequest without(ServiceRequest referral, String linkId) {
        intake(referral).getItem().removeIf(item -> item.getLinkId().equals(linkId));
        return referral;
    }
}
