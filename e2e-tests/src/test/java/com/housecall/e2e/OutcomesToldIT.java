package com.housecall.e2e;

import static com.housecall.e2e.Journey.PATIENCE;
import static com.housecall.e2e.Journey.QUIET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.e2e.Journey.Mail;
import com.housecall.e2e.Journey.Patient;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, every outcome told: a clinician's decision reaches the patient whichever way it goes, and a booked
 * course is one confirmation text, not one per visit (DECISIONS 9 and 10). Counted per patient phone and email.
 * The approval is a scheduled message (held in quiet hours, DECISIONS 11): these tests expect daytime in
 * Los Angeles, 08:00-21:00.
 */
class OutcomesToldIT {

    final Journey journey = new Journey();

    @BeforeAll
    static void start() {
        Platform.shared();
    }

    static boolean saysReviewing(String text) {
        return text.toLowerCase(Locale.ROOT).contains("reviewing");
    }

    /** Waits for the "a clinician is reviewing" message on both channels; answers the SMS count then. */
    int awaitInReviewMessages(Patient patient) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(journey.sms(patient)).anyMatch(OutcomesToldIT::saysReviewing);
            assertThat(journey.mails(patient)).anyMatch(m -> saysReviewing(m.body()));
        });
        return journey.sms(patient).size();
    }

    @Test
    void aClinicianDecliningACaseInReviewTellsThePatientByEmailAndSms() throws Exception {
        Patient patient = Patient.fresh();
        String id = journey.submit(Journey.request(patient, 1, 0, 5));
        journey.awaitStatus(id, "IN_REVIEW");
        int smsBefore = awaitInReviewMessages(patient);
        int mailsBefore = journey.mails(patient).size();

        journey.decide(id, "DECLINE");

        journey.awaitStatus(id, "INELIGIBLE");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(journey.sms(patient).size()).as("SMS after the decline").isGreaterThan(smsBefore);
            assertThat(journey.mails(patient).size()).as("emails after the decline").isGreaterThan(mailsBefore);
        });
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).untilAsserted(() -> {
            List<String> texts = journey.smsAfter(patient, smsBefore);
            assertThat(texts).as("SMS after the decline").hasSize(1);
            assertThat(texts.getFirst()).contains("Housecall").hasSizeLessThanOrEqualTo(160)
                    .doesNotContainIgnoringCase("reviewing").doesNotContainIgnoringCase("ketamine");
            List<Mail> mails = journey.mailsAfter(patient, mailsBefore);
            assertThat(mails).as("emails after the decline").hasSize(1);
            assertThat(mails.getFirst().body()).doesNotContainIgnoringCase("is reviewing");
        });
        journey.writeMessages("review-decline", patient);
    }

    @Test
    void aClinicianApprovingACaseInReviewTellsThePatientOnceAndTheBookingFollows() throws Exception {
        Patient patient = Patient.fresh();
        String id = journey.submit(Journey.request(patient, 1, 0, 6));
        journey.awaitStatus(id, "IN_REVIEW");
        int smsBefore = awaitInReviewMessages(patient);
        int mailsBefore = journey.mails(patient).size();

        journey.decide(id, "APPROVE");

        journey.awaitStatus(id, "CONFIRMED");
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<String> texts = journey.smsAfter(patient, smsBefore);
            assertThat(texts).as("SMS after the approval").anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("approv"));
            List<Mail> mails = journey.mailsAfter(patient, mailsBefore);
            assertThat(mails).as("emails after the approval")
                    .anyMatch(m -> (m.subject() + m.body()).toLowerCase(Locale.ROOT).contains("approv"));
        });
        await().atMost(PATIENCE).until(() -> journey.sms(patient).stream().anyMatch(t -> t.contains("more visits")));
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).untilAsserted(() -> assertThat(journey.smsAfter(patient, smsBefore))
                .filteredOn(t -> t.toLowerCase(Locale.ROOT).contains("approv")).as("approval SMS").hasSize(1));
        journey.writeMessages("review-approve", patient);
    }

    @Test
    void aBookedCourseIsOneConfirmationTextNamingVisitOneAndTheMoreVisitsNotOnePerVisit() throws Exception {
        Patient patient = Patient.fresh();
        String id = journey.submit(Journey.request(patient, 2, 0, 7));
        journey.awaitStatus(id, "CONFIRMED");
        journey.awaitCourseSettled(id, 6);

        await().atMost(PATIENCE).until(() -> journey.sms(patient).stream().anyMatch(t -> t.contains("more visits")));
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).untilAsserted(() -> {
            List<String> texts = journey.sms(patient);
            // "we got your request", then the one confirmation
            assertThat(texts).as("every SMS of the booking").hasSize(2);
            // the patient answered the health questions in the request itself (issue 12)
            assertThat(texts.getFirst()).doesNotContainIgnoringCase("answer the health questions");
            assertThat(texts.get(1)).contains("5 more visits").hasSizeLessThanOrEqualTo(160);
            assertThat(texts).noneMatch(t -> t.contains("your visit is set for"));
            // DECISIONS 9: one email for the course, once its visits are settled
            assertThat(journey.mails(patient)).as("every email of the booking").hasSize(2);
        });
        journey.writeMessages("happy", patient);
    }
    @Test
    void aRequestNoNurseCanTakeIsToldOnceToChooseOtherTimes() throws Exception {
        Patient patient = Patient.fresh();
        // 02:00-03:00 can hold no start between 08:00 and 17:00: accepted, and UNFULFILLED (CLINICAL-RULES 3)
        java.time.OffsetDateTime night = Journey.morning(5).withHour(2);
        String windows = "[{\"start\": \"%s\", \"end\": \"%s\"}]".formatted(Journey.iso(night),
                Journey.iso(night.plusHours(1)));
        String id = journey.submit(Journey.request(patient, "\"SMS\", \"EMAIL\"", 2, 0, windows));

        journey.awaitStatus(id, "UNFULFILLED");

        await().atMost(PATIENCE).until(() -> journey.sms(patient).stream().anyMatch(t -> t.contains("other times")));
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).untilAsserted(() -> assertThat(journey.sms(patient))
                .as("SMS of the request").filteredOn(t -> t.contains("other times")).hasSize(1));
        journey.writeMessages("unfulfilled", patient);
    }
}
