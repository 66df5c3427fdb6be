package com.housecall.booking.consultation;

/** Examples of the consultation API's document (CONTRACT.md section 4): what a client sends and gets back. */
final class ApiExamples {

    static final String REQUEST = """
            {"patient": {"givenName": "Ada", "familyName": "Lovelace", "dateOfBirth": "1988-02-14",
              "email": "ada@example.test", "phone": "+14155550100", "preferredChannels": ["SMS", "EMAIL"]},
             "address": {"line1": "1 Main St", "city": "San Francisco", "state": "CA", "postalCode": "94107"},
             "timeZone": "America/Los_Angeles",
             "intake": {"phq9": [2, 2, 1, 2, 1, 2, 1, 1, 0], "gad7": [1, 1, 1, 1, 0, 0, 1],
              "failedAntidepressantTrials": 2, "conditions": [], "medications": ["sertraline 100 mg"],
              "alcoholUseDisorder": false, "substanceUseDisorder": false, "pregnant": false,
              "breastfeeding": false, "bloodPressure": {"systolic": 124, "diastolic": 80},
              "inPersonEvaluationCompleted": true},
             "preferredWindows": [{"start": "2026-12-14T09:00:00-08:00", "end": "2026-12-14T13:00:00-08:00"}],
             "consent": {"treatment": true, "sms": true, "email": true}}""";

    static final String SUBMITTED = """
            {"id": "3f1c6a4e-9a57-4c1e-b1c2-5d0f5b1e2a77", "status": "REQUESTED"}""";

    static final String WINDOWS = """
            {"preferredWindows": [{"start": "2026-12-16T09:00:00-08:00", "end": "2026-12-16T13:00:00-08:00"}]}""";

    static final String CONTACT = """
            {"email": "ada@example.test", "phone": "+14155550100", "preferredChannels": ["EMAIL"],
             "consent": {"sms": false, "email": true}}""";

    static final String PHQ9 = """
            {"phq9": [1, 1, 1, 1, 0, 1, 0, 0, 0]}""";

    static final String VIEW = """
            {"id": "3f1c6a4e-9a57-4c1e-b1c2-5d0f5b1e2a77", "status": "CONFIRMED",
             "createdAt": "2026-12-04T17:02:11Z", "source": "PATIENT",
             "screening": {"outcome": "ELIGIBLE", "rulesetVersion": "2026.1",
              "reasons": [], "phq9": {"total": 12, "band": "MODERATE"}, "gad7": {"total": 5, "band": "MILD"},
              "decision": null},
             "visits": [{"id": "8d2b0c1a-1f3e-4b8e-9a0d-2c4e6f8a0b1c", "sequence": 1, "phase": "INDUCTION",
              "start": "2026-12-14T09:00:00-08:00", "end": "2026-12-14T11:00:00-08:00", "status": "SCHEDULED",
              "nurse": {"displayName": "Jordan P."}}],
             "timeline": [{"type": "consultation.requested", "at": "2026-12-04T17:02:11Z"},
              {"type": "booking.confirmed", "at": "2026-12-04T17:02:14Z"}]}""";

    private ApiExamples() {
    }
}
