package com.housecall.booking.referral;

import com.housecall.booking.consultation.ConsultationRequest;
import com.housecall.booking.consultation.ConsultationRequest.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;

/**
 * The intake, consents and channels of a referral's QuestionnaireResponse, by linkId; a wrong answer type is a
 * problem named by its FHIRPath. Plain Java, for {@link ServiceRequestMapper}.
 */
final class ReferralAnswers {

    private final Map<String, List<QuestionnaireResponseItemAnswerComponent>> byLinkId = new LinkedHashMap<>();
    private final ServiceRequestMapper.Mapped paths;
    private final List<FhirProblem.Issue> problems;

    ReferralAnswers(QuestionnaireResponse response, ServiceRequestMapper.Mapped paths, List<FhirProblem.Issue> problems) {
        this.paths = paths;
        this.problems = problems;
        if (response != null) {
            collect(response.getItem());
        }
    }

    private void collect(List<QuestionnaireResponseItemComponent> items) {
        for (QuestionnaireResponseItemComponent item : items) {
            if (item.hasLinkId()) {
                byLinkId.computeIfAbsent(item.getLinkId(), k -> new ArrayList<>())
                        .addAll(item.getAnswer().stream().filter(QuestionnaireResponseItemAnswerComponent::hasValue).toList());
            }
            collect(item.getItem());
            item.getAnswer().forEach(answer -> collect(answer.getItem()));
        }
    }

    ConsultationRequest.Intake intake() {
        List<Integer> phq9 = scale("phq9-", 9);
        List<Integer> gad7 = scale("gad7-", 7);
        List<String> conditions = new ArrayList<>();
        List<QuestionnaireResponseItemAnswerComponent> coded = all("condition");
        for (int i = 0; i < coded.size(); i++) {
            if (coded.get(i).getValue() instanceof Coding coding && coding.hasCode()) {
                conditions.add(coding.getCode().strip());
            } else {
                wrongType(paths.answer("condition", i), "condition", "valueCoding with a code");
            }
        }
        List<String> medications = new ArrayList<>();
        List<QuestionnaireResponseItemAnswerComponent> named = all("medication");
        for (int i = 0; i < named.size(); i++) {
            if (named.get(i).getValue() instanceof StringType text && text.hasValue()) {
                medications.add(text.getValue().strip());
            } else {
                wrongType(paths.answer("medication", i), "medication", "valueString");
            }
        }
        Integer systolic = integer("systolic-bp");
        Integer diastolic = integer("diastolic-bp");
        ConsultationRequest.BloodPressure bloodPressure = systolic == null && diastolic == null ? null
                : new ConsultationRequest.BloodPressure(systolic, diastolic);
        return new ConsultationRequest.Intake(phq9, gad7, integer("failed-antidepressant-trials"), conditions,
                medications, bool("alcohol-use-disorder"), bool("substance-use-disorder"), bool("pregnant"),
                bool("breastfeeding"), bloodPressure, bool("in-person-evaluation-completed"));
    }

    ConsultationRequest.Consent consent() {
        return new ConsultationRequest.Consent(consentGiven("consent-treatment"), consentGiven("consent-sms"),
                consentGiven("consent-email"));
    }

    List<Channel> channels() {
        List<Channel> channels = new ArrayList<>();
        List<QuestionnaireResponseItemAnswerComponent> answers = all("preferred-channel");
        for (int i = 0; i < answers.size(); i++) {
            String code = answers.get(i).getValue() instanceof Coding coding && coding.hasCode()
                    ? coding.getCode().strip().toUpperCase(Locale.ROOT) : null;
            if ("SMS".equals(code) || "EMAIL".equals(code)) {
                channels.add(Channel.valueOf(code));
            } else {
                problems.add(ServiceRequestMapper.invalid(paths.answer("preferred-channel", i),
                        "preferred-channel must be a valueCoding with the code SMS or EMAIL"));
            }
        }
        return channels.isEmpty() && answers.isEmpty() ? null : channels;
    }

    /** A scale's items ({@code phq9-1} ...): null when none is answered, else a list with null for each gap. */
    private List<Integer> scale(String prefix, int size) {
        List<Integer> scores = new ArrayList<>();
        boolean any = false;
        for (int item = 1; item <= size; item++) {
            any |= byLinkId.containsKey(prefix + item) && !byLinkId.get(prefix + item).isEmpty();
            scores.add(integer(prefix + item));
        }
        return any ? scores : null;
    }

    private Integer integer(String linkId) {
        QuestionnaireResponseItemAnswerComponent answer = single(linkId);
        if (answer == null) {
            return null;
        }
        if (answer.getValue() instanceof IntegerType number) {
            return number.getValue();
        }
        wrongType(paths.answer(linkId, null), linkId, "valueInteger");
        return null;
    }

    private Boolean bool(String linkId) {
        QuestionnaireResponseItemAnswerComponent answer = single(linkId);
        if (answer == null) {
            return null;
        }
        if (answer.getValue() instanceof BooleanType flag) {
            return flag.getValue();
        }
        wrongType(paths.answer(linkId, null), linkId, "valueBoolean");
        return null;
    }

    /** Absent consents are false (CONTRACT.md section 5). */
    private Boolean consentGiven(String linkId) {
        return Boolean.TRUE.equals(bool(linkId));
    }

    private QuestionnaireResponseItemAnswerComponent single(String linkId) {
        List<QuestionnaireResponseItemAnswerComponent> answers = all(linkId);
        if (answers.size() > 1) {
            problems.add(ServiceRequestMapper.invalid(paths.item(linkId), linkId + " must have exactly one answer"));
            return null;
        }
        return answers.isEmpty() ? null : answers.getFirst();
    }

    private List<QuestionnaireResponseItemAnswerComponent> all(String linkId) {
        return byLinkId.getOrDefault(linkId, List.of());
    }

    private void wrongType(String path, String linkId, String type) {
        problems.add(new FhirProblem.Issue(IssueType.INVALID, path, linkId + " must be a " + type));
    }
}
