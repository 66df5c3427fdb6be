package com.housecall.booking.referral;

import static com.housecall.booking.referral.ReferralFixtures.answer;
import static com.housecall.booking.referral.ReferralFixtures.intake;
import static com.housecall.booking.referral.ReferralFixtures.patient;
import static com.housecall.booking.referral.ReferralFixtures.referral;
import static com.housecall.booking.referral.ReferralFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.booking.consultation.ConsultationRequest;
import com.housecall.booking.consultation.ConsultationRequest.Channel;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ServiceRequestMapperTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    private static List<FhirProblem.Issue> problems(ServiceRequest referral) {
        return Referrals.problems(ServiceRequestMapper.map(referral), VALIDATOR, Clock.systemUTC());
    }

    private static List<String> expressions(ServiceRequest referral) {
        return problems(referral).stream().map(FhirProblem.Issue::expression).toList();
    }

    @Test
    void aCompleteReferralBecomesTheConsultationRequestAPatientWouldSend() {
        ServiceRequestMapper.Mapped mapped = ServiceRequestMapper.map(referral("R-1"));

        assertThat(mapped.identifier()).isEqualTo(new ServiceRequestMapper.ReferralIdentifier(ReferralFixtures.SYSTEM, "R-1"));
        ConsultationRequest request = mapped.request();
        assertThat(request.patient()).isEqualTo(new ConsultationRequest.Patient("Ada", "Lovelace",
                LocalDate.of(1988, 2, 14), "ada@example.test", "+14155550100", List.of(Channel.SMS, Channel.EMAIL)));
        assertThat(request.address()).isEqualTo(new ConsultationRequest.Address("1 Main St", "San Francisco", "CA", "94107"));
        assertThat(request.timeZone()).isEqualTo("America/Los_Angeles");
        assertThat(request.intake().phq9()).containsExactly(2, 2, 1, 2, 1, 2, 1, 1, 0);
        assertThat(request.intake().gad7()).containsExactly(1, 1, 1, 1, 0, 0, 1);
        assertThat(request.intake().medications()).containsExactly("sertraline 100 mg");
        assertThat(request.intake().bloodPressure()).isEqualTo(new ConsultationRequest.BloodPressure(124, 80));
        assertThat(request.intake().inPersonEvaluationCompleted()).isTrue();
        assertThat(request.preferredWindows()).hasSize(1);
        assertThat(request.consent()).isEqualTo(new ConsultationRequest.Consent(true, true, true));
        assertThat(mapped.problems()).isEmpty();
        assertThat(problems(referral("R-1"))).isEmpty();
    }

    @Test
    void conditionsAreMatchedByCodeWhateverTheSystemAndAnswersMayBeGrouped() {
        ServiceRequest referral = referral("R-2");
        answer(intake(referral), "condition", new Coding("http://snomed.info/sct", "GLAUCOMA", null));
        intake(referral).addItem().setLinkId("history").addItem().setLinkId("condition").addAnswer()
                .setValue(new Coding().setCode("ARRHYTHMIA"));

        assertThat(ServiceRequestMapper.map(referral).request().intake().conditions()).containsExactly("GLAUCOMA", "ARRHYTHMIA");
        assertThat(problems(referral)).isEmpty();
    }

    @Test
    void aMissingAnswerIsNamedByItsLinkIdAndContractField() {
        List<FhirProblem.Issue> problems = problems(without(without(referral("R-3"), "pregnant"), "phq9-9"));

        assertThat(problems).extracting(FhirProblem.Issue::expression).containsExactlyInAnyOrder(
                "ServiceRequest.contained[1].item.where(linkId='pregnant').answer.value",
                "ServiceRequest.contained[1].item.where(linkId='phq9-9').answer.value");
        assertThat(problems).extracting(FhirProblem.Issue::diagnostics)
                .anySatisfy(d -> assertThat(d).startsWith("intake.pregnant "))
                .anySatisfy(d -> assertThat(d).startsWith("intake.phq9[8] "));
    }

    @Test
    void treatmentConsentIsRequired() {
        assertThat(problems(without(referral("R-4"), "consent-treatment"))).singleElement().satisfies(issue -> {
            assertThat(issue.expression())
                    .isEqualTo("ServiceRequest.contained[1].item.where(linkId='consent-treatment').answer.value");
            assertThat(issue.diagnostics()).isEqualTo("consent.treatment must be true");
        });
    }

    @Test
    void anAbsentChannelConsentIsFalse() {
        assertThat(problems(without(referral("R-4"), "consent-email"))).singleElement().satisfies(issue -> {
            assertThat(issue.expression())
                    .isEqualTo("ServiceRequest.contained[1].item.where(linkId='consent-email').answer.value");
            assertThat(issue.diagnostics()).isEqualTo("consent.email must be true for the preferred channel EMAIL");
        });
    }

    @Test
    void patientFieldsAreNamedOnTheContainedPatient() {
        ServiceRequest referral = referral("R-5");
        patient(referral).setBirthDate(null);
        patient(referral).getTelecom().removeIf(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE);
        patient(referral).getAddressFirstRep().setState("XX").setPostalCode("9410");
        patient(referral).getExtension().clear();

        assertThat(expressions(referral)).containsExactlyInAnyOrder(
                "ServiceRequest.contained[0].birthDate",
                "ServiceRequest.contained[0].address.state",
                "ServiceRequest.contained[0].address.postalCode",
                "ServiceRequest.contained[0].extension('http://hl7.org/fhir/StructureDefinition/timezone').value");
    }

    @Test
    void crossFieldRulesRunOnceTheFieldsAreThere() {
        ServiceRequest referral = referral("R-6");
        patient(referral).getTelecom().removeIf(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE);

        assertThat(problems(referral)).singleElement().satisfies(issue -> {
            assertThat(issue.expression()).isEqualTo("ServiceRequest.contained[0].telecom.where(system='phone').value");
            assertThat(issue.diagnostics()).isEqualTo("patient.phone is required for the preferred channel SMS");
        });
    }

    @Test
    void theFhirShapeItselfIsChecked() {
        ServiceRequest referral = referral("R-7");
        referral.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        referral.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        referral.getIdentifierFirstRep().setSystem(null);
        referral.getSupportingInfo().clear();
        referral.setSubject(null);

        assertThat(expressions(referral)).containsExactlyInAnyOrder("ServiceRequest.status", "ServiceRequest.intent",
                "ServiceRequest.identifier[0].system", "ServiceRequest.subject", "ServiceRequest.supportingInfo");
    }

    @Test
    void answersOfTheWrongTypeOrRepeatedAreNamed() {
        ServiceRequest referral = without(without(referral("R-8"), "phq9-1"), "breastfeeding");
        answer(intake(referral), "phq9-1", new StringType("2"));
        answer(intake(referral), "breastfeeding", new BooleanType(false));
        answer(intake(referral), "breastfeeding", new BooleanType(true));
        answer(intake(referral), "preferred-channel", new Coding().setCode("FAX"));
        answer(intake(referral), "failed-antidepressant-trials", new IntegerType(3));

        assertThat(problems(referral)).extracting(FhirProblem.Issue::diagnostics).containsExactlyInAnyOrder(
                "phq9-1 must be a valueInteger",
                "breastfeeding must have exactly one answer",
                "preferred-channel must be a valueCoding with the code SMS or EMAIL",
                "failed-antidepressant-trials must have exactly one answer");
    }

    @Test
    void aZipPlus4IsTakenAsItsFiveDigitZip() {
        ServiceRequest referral = referral("R-9");
        patient(referral).getAddressFirstRep().setPostalCode("94107-1234");

        assertThat(ServiceRequestMapper.map(referral).request().address().postalCode()).isEqualTo("94107");
    }
}
