package com.housecall.booking.referral;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import com.housecall.booking.consultation.ConsultationRequest;
import com.housecall.booking.consultation.ConsultationRequest.Channel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;

/**
 * A partner's referral (CONTRACT.md section 5) as the {@link ConsultationRequest} a patient would have sent: the
 * contained Patient gives the patient, address and time zone, the contained QuestionnaireResponse the intake, consents
 * and channels by {@code linkId}, {@code occurrencePeriod} the preferred window. What the FHIR shape itself gets wrong
 * (status, intent, identifier, references, answer types) is reported here; what is missing or out of range is left for
 * the consultation's own validation, whose field paths {@link Mapped#expression} turns into FHIRPath. Plain Java.
 */
final class ServiceRequestMapper {

    static final String TIME_ZONE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/timezone";
    static final int MAX_IDENTIFIER_LENGTH = 255;
    private static final Pattern ZIP_PLUS_4 = Pattern.compile("([0-9]{5})-[0-9]{4}");
    private static final Pattern INDEXED = Pattern.compile("(.+)\\[([0-9]+)](.*)");

    /** The clinic's referral number. */
    record ReferralIdentifier(String system, String value) {
    }

    /**
     * The result: the identifier (null when it is itself a problem), the request (fields absent from the referral
     * are null), the problems of the FHIR shape, and where each consultation field came from.
     */
    record Mapped(ReferralIdentifier identifier, ConsultationRequest request, List<FhirProblem.Issue> problems,
                  String patientPath, String answersPath) {

        /** The FHIRPath of a field of the consultation request ({@code intake.phq9[8]}) in the referral. */
        String expression(String field) {
            String patient = patientPath == null ? "ServiceRequest.subject" : patientPath;
            Matcher indexed = INDEXED.matcher(field);
            String base = indexed.matches() ? indexed.group(1) : field;
            Integer index = indexed.matches() ? Integer.valueOf(indexed.group(2)) : null;
            String rest = indexed.matches() ? indexed.group(3) : "";
            return switch (base) {
                case "patient" -> "ServiceRequest.subject";
                case "patient.givenName" -> patient + ".name.given";
                case "patient.familyName" -> patient + ".name.family";
                case "patient.dateOfBirth" -> patient + ".birthDate";
                case "patient.email" -> patient + ".telecom.where(system='email').value";
                case "patient.phone" -> patient + ".telecom.where(system='phone').value";
                case "patient.preferredChannels" -> answer("preferred-channel", index);
                case "address" -> patient + ".address";
                case "address.line1" -> patient + ".address.line";
                case "address.city", "address.state", "address.postalCode" ->
                        patient + ".address." + base.substring("address.".length());
                case "timeZone" -> patient + ".extension('" + TIME_ZONE_EXTENSION + "').value";
                case "intake", "consent" -> answers();
                case "intake.phq9" -> index == null ? item("phq9-1") : answer("phq9-" + (index + 1), null);
                case "intake.gad7" -> index == null ? item("gad7-1") : answer("gad7-" + (index + 1), null);
                case "intake.failedAntidepressantTrials" -> answer("failed-antidepressant-trials", null);
                case "intake.conditions" -> answer("condition", index);
                case "intake.medications" -> index == null ? item("medication") : answer("medication", index);
                case "intake.alcoholUseDisorder" -> answer("alcohol-use-disorder", null);
                case "intake.substanceUseDisorder" -> answer("substance-use-disorder", null);
                case "intake.pregnant" -> answer("pregnant", null);
                case "intake.breastfeeding" -> answer("breastfeeding", null);
                case "intake.inPersonEvaluationCompleted" -> answer("in-person-evaluation-completed", null);
                case "intake.bloodPressure", "intake.bloodPressure.systolic" -> answer("systolic-bp", null);
                case "intake.bloodPressure.diastolic" -> answer("diastolic-bp", null);
                case "preferredWindows" -> "ServiceRequest.occurrence" + rest.replace("[0]", "");
                case "consent.treatment" -> answer("consent-treatment", null);
                case "consent.sms" -> answer("consent-sms", null);
                case "consent.email" -> answer("consent-email", null);
                default -> "ServiceRequest";
            };
        }

        private String answers() {
            return answersPath == null ? "ServiceRequest.supportingInfo" : answersPath;
        }

        String item(String linkId) {
            return answers() + ".item.where(linkId='" + linkId + "')";
        }

        String answer(String linkId, Integer index) {
            return item(linkId) + ".answer" + (index == null ? "" : "[" + index + "]") + ".value";
        }
    }

    private ServiceRequestMapper() {
    }

    static Mapped map(ServiceRequest referral) {
        List<FhirProblem.Issue> problems = new ArrayList<>();
        ReferralIdentifier identifier = identifier(referral, problems);
        if (referral.getStatus() != ServiceRequest.ServiceRequestStatus.ACTIVE) {
            problems.add(invalid("ServiceRequest.status", "ServiceRequest.status must be active"));
        }
        if (referral.getIntent() != ServiceRequest.ServiceRequestIntent.ORDER) {
            problems.add(invalid("ServiceRequest.intent", "ServiceRequest.intent must be order"));
        }

        Patient patient = null;
        String patientPath = null;
        Resource subject = ContainedResources.resolve(referral, referral.hasSubject() ? referral.getSubject() : null);
        if (subject instanceof Patient p) {
            patient = p;
            patientPath = ContainedResources.path(referral, p);
        } else {
            problems.add(new FhirProblem.Issue(IssueType.REQUIRED, "ServiceRequest.subject",
                    "ServiceRequest.subject must point at a contained Patient"));
        }
        QuestionnaireResponse answers = null;
        String answersPath = null;
        for (Reference info : referral.getSupportingInfo()) {
            if (ContainedResources.resolve(referral, info) instanceof QuestionnaireResponse q) {
                answers = q;
                answersPath = ContainedResources.path(referral, q);
                break;
            }
        }
        if (answers == null) {
            problems.add(new FhirProblem.Issue(IssueType.REQUIRED, "ServiceRequest.supportingInfo",
                    "ServiceRequest.supportingInfo must point at a contained QuestionnaireResponse"));
        }
        Mapped paths = new Mapped(identifier, null, problems, patientPath, answersPath);
        ReferralAnswers intake = new ReferralAnswers(answers, paths, problems);

        ConsultationRequest.Patient person = null;
        ConsultationRequest.Address address = null;
        String timeZone = null;
        List<Channel> channels = intake.channels();
        if (patient != null) {
            person = person(patient, channels, paths, problems);
            address = address(patient);
            timeZone = timeZone(patient, paths, problems);
        }
        ConsultationRequest request = new ConsultationRequest(person, address, timeZone,
                answers == null ? null : intake.intake(),
                window(referral, problems),
                answers == null ? null : intake.consent());
        return new Mapped(identifier, request, List.copyOf(problems), patientPath, answersPath);
    }

    private static ReferralIdentifier identifier(ServiceRequest referral, List<FhirProblem.Issue> problems) {
        if (referral.getIdentifier().size() != 1) {
            problems.add(new FhirProblem.Issue(IssueType.REQUIRED, "ServiceRequest.identifier",
                    "ServiceRequest.identifier must hold exactly one identifier (system and value)"));
            return null;
        }
        Identifier identifier = referral.getIdentifierFirstRep();
        String system = identifier.hasSystem() ? identifier.getSystem().strip() : "";
        String value = identifier.hasValue() ? identifier.getValue().strip() : "";
        boolean valid = true;
        for (String[] part : new String[][] {{"system", system}, {"value", value}}) {
            String path = "ServiceRequest.identifier[0]." + part[0];
            if (part[1].isEmpty()) {
                problems.add(new FhirProblem.Issue(IssueType.REQUIRED, path, path + " is required"));
                valid = false;
            } else if (part[1].length() > MAX_IDENTIFIER_LENGTH) {
                problems.add(invalid(path, path + " must be at most " + MAX_IDENTIFIER_LENGTH + " characters"));
                valid = false;
            }
        }
        return valid ? new ReferralIdentifier(system, value) : null;
    }

    private static ConsultationRequest.Patient person(Patient patient, List<Channel> channels, Mapped paths,
                                                      List<FhirProblem.Issue> problems) {
        HumanName name = patient.hasName() ? patient.getNameFirstRep() : null;
        String given = name == null || !name.hasGiven() ? null
                : String.join(" ", name.getGiven().stream().filter(StringType::hasValue).map(StringType::getValue).toList());
        String family = name == null || !name.hasFamily() ? null : name.getFamily();
        LocalDate birthDate = null;
        if (patient.hasBirthDateElement() && patient.getBirthDateElement().getValue() != null) {
            if (patient.getBirthDateElement().getPrecision() == TemporalPrecisionEnum.DAY) {
                birthDate = LocalDate.parse(patient.getBirthDateElement().getValueAsString());
            } else {
                String path = paths.expression("patient.dateOfBirth");
                problems.add(invalid(path, "patient.dateOfBirth must be a full date (year, month and day)"));
            }
        }
        String phone = null;
        String email = null;
        for (ContactPoint telecom : patient.getTelecom()) {
            if (!telecom.hasValue() || telecom.getValue().isBlank()) {
                continue;
            }
            if (telecom.getSystem() == ContactPoint.ContactPointSystem.PHONE
                    && (phone == null || telecom.getUse() == ContactPoint.ContactPointUse.MOBILE)) {
                phone = UsPhone.toE164(telecom.getValue());
            } else if (telecom.getSystem() == ContactPoint.ContactPointSystem.EMAIL && email == null) {
                email = telecom.getValue().strip();
            }
        }
        return new ConsultationRequest.Patient(blankToNull(given), blankToNull(family), birthDate, email, phone,
                channels);
    }

    private static ConsultationRequest.Address address(Patient patient) {
        if (!patient.hasAddress()) {
            return null;
        }
        Address address = patient.getAddressFirstRep();
        String line = String.join(", ", address.getLine().stream().filter(StringType::hasValue)
                .map(l -> l.getValue().strip()).filter(l -> !l.isEmpty()).toList());
        String postalCode = address.getPostalCode() == null ? null : address.getPostalCode().strip();
        if (postalCode != null) {
            Matcher zipPlus4 = ZIP_PLUS_4.matcher(postalCode);
            if (zipPlus4.matches()) {
                postalCode = zipPlus4.group(1);
            }
        }
        return new ConsultationRequest.Address(blankToNull(line), blankToNull(address.getCity()),
                blankToNull(address.getState()), postalCode);
    }

    private static String timeZone(Patient patient, Mapped paths, List<FhirProblem.Issue> problems) {
        Extension extension = patient.getExtensionByUrl(TIME_ZONE_EXTENSION);
        if (extension == null || !extension.hasValue()) {
            return null;
        }
        if (extension.getValue() instanceof CodeType code) {
            return blankToNull(code.getValue());
        }
        problems.add(invalid(paths.expression("timeZone"), "timeZone must be a valueCode (an IANA time zone id)"));
        return null;
    }

    private static List<ConsultationRequest.Window> window(ServiceRequest referral, List<FhirProblem.Issue> problems) {
        if (!referral.hasOccurrence()) {
            return null;
        }
        if (!(referral.getOccurrence() instanceof Period period)) {
            problems.add(invalid("ServiceRequest.occurrence", "ServiceRequest.occurrence must be an occurrencePeriod"));
            return null;
        }
        return List.of(new ConsultationRequest.Window(
                instant(period.hasStart() ? period.getStartElement() : null, "ServiceRequest.occurrence.start", problems),
                instant(period.hasEnd() ? period.getEndElement() : null, "ServiceRequest.occurrence.end", problems)));
    }

    private static OffsetDateTime instant(DateTimeType value, String path, List<FhirProblem.Issue> problems) {
        if (value == null || value.getValue() == null) {
            return null;
        }
        try {
            if (value.getPrecision().ordinal() >= TemporalPrecisionEnum.MINUTE.ordinal()) {
                return OffsetDateTime.parse(value.getValueAsString());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(invalid(path, path + " must be a date and time with a time-zone offset"));
        return null;
    }

    static FhirProblem.Issue invalid(String expression, String diagnostics) {
        return new FhirProblem.Issue(IssueType.INVALID, expression, diagnostics);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
