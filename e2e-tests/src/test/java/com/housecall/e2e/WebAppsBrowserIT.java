package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The patients' app and the clinicians' workspace (CONTRACT.md section 12) in headless Chromium against the gateway,
 * the services and a real Keycloak: a patient on a phone-sized screen requests through the intake form (crisis
 * resources show the moment item 9 is above 0, before sending), sees CONFIRMED and moves a visit; a clinician
 * approves a case from the queue and acknowledges a safety alert from its case page; a clinician declines a case and
 * the patient reads the outcome in plain words.
 */
class WebAppsBrowserIT {

    Platform platform;
    String base;
    HeadlessChromium chromium;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.open(412, 915);
        platform = Platform.shared();
        // localhost, like Keycloak's own address: the page's origin is what the realm must allow
        base = platform.gateway.url().replace("127.0.0.1", "localhost");
        platform.keycloak.allowBrowserPages("housecall-web", base + "/app/");
        platform.keycloak.allowBrowserPages("housecall-clinician", base + "/clinician/");
    }

    @AfterEach
    void close(TestInfo test) throws Exception {
        if (chromium == null) {
            return;
        }
        try {
            if (!chromium.browser.getCurrentUrl().endsWith(".js")) { // a script shown as text: nothing to see
                chromium.browser.executeScript("window.scrollTo(0, 0)");
                chromium.screenshot(test.getTestMethod().orElseThrow().getName());
            }
        } finally {
            chromium.close();
        }
    }

    @Test
    void aPatientRequestsThroughTheFormSeesCrisisHelpForItem9ThenConfirmedAndMovesAVisit() throws Exception {
        chromium.logIn(base + "/app/", "housecall-web", platform.keycloak.issuer(), "patient1");
        WebDriverWait wait = chromium.waiting();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-request"))).click();

        fillIntake(List.of(2, 2, 1, 2, 1, 2, 1, 1, 0));
        assertThat(element("crisis").isDisplayed()).isFalse();
        answer("phq9", 8, 1);
        // at once, before anything is sent
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("crisis")));
        assertThat(element("crisis").getText()).contains("911", "988", "741741");
        chromium.screenshot("patientSeesCrisisResourcesBeforeSending");
        answer("phq9", 8, 0);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("crisis")));

        element("submit-request").click();
        wait.until(ExpectedConditions.textToBe(By.id("status-code"), "Booked"));
        assertThat(element("status-words").getText()).contains("booked");
        // the contact form starts from the choices sent with the request
        for (String box : List.of("contact-channel-sms", "contact-channel-email", "contact-consent-sms",
                "contact-consent-email")) {
            assertThat(element(box).isSelected()).as(box).isTrue();
        }
        String id = chromium.browser.getCurrentUrl().substring(chromium.browser.getCurrentUrl().indexOf('#') + 1);
        JsonNode consultation = consultation("patient1", id);
        assertThat(consultation.get("intake").get("medications").toString()).contains("sertraline 100 mg");
        JsonNode first = consultation.get("visits").get(0);
        String nurse = first.get("nurse").get("displayName").asString().split(" ")[0];
        By firstRow = By.xpath("//tbody[@id='visits']/tr[1]");
        wait.until(d -> d.findElement(firstRow).getText().contains(nurse));
        assertThat(chromium.browser.findElement(firstRow).getText()).contains("9:00 AM");

        // visit 1 an hour earlier the same morning: it keeps 48 h from visit 2 and the 24 h notice
        String day = first.get("start").asString().substring(0, 10);
        chromium.browser.findElement(By.cssSelector("button[aria-label='Move visit 1']")).click();
        chromium.set(element("reschedule-start"), day + "T08:00");
        chromium.set(element("reschedule-end"), day + "T08:30");
        element("reschedule-form").findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "finding a nurse"));
        WebDriverWait rerendering = chromium.waiting();
        rerendering.ignoring(StaleElementReferenceException.class);
        rerendering.until(d -> d.findElement(firstRow).getText().contains("8:00 AM"));
        assertThat(consultation("patient1", id).get("visits").get(0).get("start").asString())
                .isEqualTo(day + "T08:00:00-08:00");
    }

    @Test
    void aClinicianApprovesACaseFromTheQueueAndAcknowledgesASafetyAlertOnItsCasePage() throws Exception {
        String review = request(ConsultationFlowIT.request(1, 0)); // one failed trial: a clinician decides
        String crisis = request(ConsultationFlowIT.request(2, 1));
        await().atMost(HeadlessChromium.WAIT).until(() -> get("clinician1", "/api/screenings/alerts?open=true&size=100")
                .body().contains(crisis));

        chromium.logIn(base + "/clinician/", "housecall-clinician", platform.keycloak.issuer(), "clinician1");
        WebDriverWait wait = chromium.waiting();
        wait.ignoring(StaleElementReferenceException.class);
        By reviewLink = By.cssSelector("#queue a.case-link[data-id='" + review + "']");
        wait.until(ExpectedConditions.elementToBeClickable(reviewLink));
        // safety holds first, whatever their age
        List<String> order = chromium.browser.findElements(By.cssSelector("#queue a.case-link")).stream()
                .map(link -> link.getDomAttribute("data-id")).toList();
        assertThat(order.indexOf(crisis)).isNotNegative().isLessThan(order.indexOf(review));
        chromium.screenshot("clinicianReviewQueue");
        chromium.browser.findElement(reviewLink).click();

        wait.until(ExpectedConditions.textToBe(By.id("case-id"), review));
        assertThat(chromium.browser.getCurrentUrl()).isEqualTo(base + "/clinician/cases/" + review);
        assertThat(element("case-reasons").getText()).contains("TRD_NOT_ESTABLISHED");
        assertThat(element("case-scores").getText()).contains("PHQ-9 12 (moderate)", "GAD-7 5 (mild)");
        assertThat(element("case-intake").getText()).contains("Failed antidepressant trials", "124/80 mmHg");
        element("decision-approve").click();
        element("decision-note").sendKeys("One trial, severe symptoms: approved for induction.");
        element("decide").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Approved case"));
        wait.until(d -> d.findElement(By.id("decisions")).getText().contains("clinician1"));
        assertThat(element("decisions").getText()).contains("APPROVE", "approved for induction");
        await().atMost(HeadlessChromium.WAIT).until(() -> List.of("SCHEDULING", "CONFIRMED")
                .contains(consultation("clinician1", review).get("status").asString()));

        // the on-call page's link opens the case at once (the realm session signs the page in again)
        chromium.browser.get(base + "/clinician/cases/" + crisis);
        wait.until(ExpectedConditions.textToBe(By.id("case-id"), crisis));
        assertThat(element("case-status").getText()).isEqualTo("SAFETY HOLD");
        By acknowledge = By.xpath("//ul[@id='alerts']/li[a[@data-id='" + crisis + "']]/button");
        wait.until(ExpectedConditions.elementToBeClickable(acknowledge)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Acknowledged"));
        wait.until(ExpectedConditions.numberOfElementsToBe(acknowledge, 0));
        assertThat(get("clinician1", "/api/screenings/alerts?open=true&size=100").body()).doesNotContain(crisis);
    }

    @Test
    void aClinicianDeclinesACaseWithANoteAndAcknowledgesAnAlertThenThePatientReadsTheOutcome() throws Exception {
        String review = request(ConsultationFlowIT.request(1, 0));
        String crisis = request(ConsultationFlowIT.request(2, 1));
        await().atMost(HeadlessChromium.WAIT).until(() -> get("clinician1", "/api/screenings/alerts?open=true&size=100")
                .body().contains(crisis) && "IN_REVIEW".equals(consultation("clinician1", review).get("status")
                .asString()));

        // the on-call page's link: straight to the case
        chromium.logIn(base + "/clinician/cases/" + review, "housecall-clinician", platform.keycloak.issuer(),
                "clinician1");
        WebDriverWait wait = chromium.waiting();
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.textToBe(By.id("case-id"), review));
        String note = "Only one trial so far: two are needed first.";
        element("decision-decline").click();
        element("decision-note").sendKeys(note);
        element("decide").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Declined case"));
        wait.until(d -> d.findElement(By.id("decisions")).getText().contains("clinician1"));
        assertThat(element("decisions").getText()).contains("DECLINE", note);
        By acknowledge = By.xpath("//ul[@id='alerts']/li[a[@data-id='" + crisis + "']]/button");
        wait.until(ExpectedConditions.elementToBeClickable(acknowledge)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Acknowledged"));
        wait.until(ExpectedConditions.numberOfElementsToBe(acknowledge, 0));
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "INELIGIBLE"));
        chromium.browser.executeScript("arguments[0].scrollIntoView()", element("decisions"));
        chromium.screenshot("clinicianDeclinedACase");

        // the patient follows the email's link to this consultation, on their phone, in a browser of their own:
        // the sign-in brings them back to it
        chromium.close();
        chromium = HeadlessChromium.open(412, 915);
        chromium.logIn(base + "/app/#" + review, "housecall-web", platform.keycloak.issuer(), "patient1");
        WebDriverWait patient = chromium.waiting();
        patient.ignoring(StaleElementReferenceException.class);
        patient.until(ExpectedConditions.textToBe(By.id("status-code"), "Not offered"));
        assertThat(chromium.browser.getCurrentUrl()).endsWith("/app/#" + review);
        assertThat(element("status-words").getText()).contains("A clinician reviewed your request",
                "we can't offer treatment at home", "talk to your doctor");
        // nothing left to do on an ended request, and the clinician's note stays with the clinicians
        assertThat(element("visits-part").isDisplayed()).isFalse();
        assertThat(element("fresh-phq9-part").isDisplayed()).isFalse();
        assertThat(element("cancel-course").isDisplayed()).isFalse();
        assertThat(chromium.browser.findElement(By.tagName("main")).getText()).doesNotContain(note);
        chromium.screenshot("patientOpensTheDeclinedConsultationFromTheEmailsLink");
        chromium.browser.findElement(By.id("back-to-list")).click();
        patient.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//ul[@id='consultations']/li[a["
                + "@href='#" + review + "']]"), "Not offered"));
    }

    /**
     * The app's zone arithmetic in the browser's own Intl: a new visit time is read in the patient's zone with the
     * offset of its own day, so a visit in standard time moved past the spring change is sent at daylight time.
     */
    @ParameterizedTest
    @CsvSource({"America/Los_Angeles, 2027-03-13T09:00, 2027-03-13T09:00:00-08:00",
        "America/Los_Angeles, 2027-03-15T09:00, 2027-03-15T09:00:00-07:00",
        "America/Los_Angeles, 2026-11-02T08:30, 2026-11-02T08:30:00-08:00",
        "America/New_York, 2026-10-30T16:45, 2026-10-30T16:45:00-04:00",
        "America/Phoenix, 2027-03-15T09:00, 2027-03-15T09:00:00-07:00"})
    void aNewVisitTimeIsReadInThePatientsZoneWithTheOffsetOfItsOwnDay(String zone, String local, String sent) {
        // the script itself, on the app's origin, then run there as the app's page runs it
        chromium.browser.get(base + "/app/zones.js");
        chromium.browser.executeScript("const script = document.createElement('script');"
                + "script.src = '/app/zones.js'; document.documentElement.append(script);");
        chromium.waiting().until(d -> chromium.browser.executeScript("return !!window.HousecallZones"));
        assertThat(chromium.browser.executeScript("return HousecallZones.instantIn(arguments[0], arguments[1])",
                local, zone)).isEqualTo(sent);
    }

    /** The intake form as a patient in San Francisco fills it, PHQ-9 answered {@code phq9}. */
    void fillIntake(List<Integer> phq9) {
        element("givenName").sendKeys("Ada");
        element("familyName").sendKeys("Lovelace");
        chromium.set(element("dateOfBirth"), "1988-02-14");
        element("email").sendKeys("ada@example.test");
        element("phone").sendKeys("+14155550100");
        element("line1").sendKeys("1 Main St");
        element("city").sendKeys("San Francisco");
        chromium.set(element("state"), "CA");
        chromium.set(element("postalCode"), "94107");
        chromium.set(element("timeZone"), "America/Los_Angeles");
        for (int item = 0; item < phq9.size(); item++) {
            answer("phq9", item, phq9.get(item));
        }
        List<Integer> gad7 = List.of(1, 1, 1, 1, 0, 0, 1);
        for (int item = 0; item < gad7.size(); item++) {
            answer("gad7", item, gad7.get(item));
        }
        chromium.set(element("trials"), "2");
        element("medications").sendKeys("sertraline 100 mg");
        element("systolic").sendKeys("124");
        element("diastolic").sendKeys("80");
        for (String name : List.of("alcoholUseDisorder", "substanceUseDisorder", "pregnant", "breastfeeding")) {
            radio(name, "false");
        }
        radio("inPersonEvaluationCompleted", "true");
        OffsetDateTime morning = ConsultationFlowIT.windowStart();
        String day = morning.toLocalDate().toString();
        chromium.set(element("window-start-0"), day + "T09:00");
        chromium.set(element("window-end-0"), day + "T13:00");
        for (String box : List.of("channel-sms", "channel-email", "consent-treatment", "consent-sms",
                "consent-email")) {
            element(box).click();
        }
    }

    void answer(String questionnaire, int item, int value) {
        radio(questionnaire + "-" + item, String.valueOf(value));
    }

    void radio(String name, String value) {
        chromium.browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
    }

    WebElement element(String id) {
        return chromium.browser.findElement(By.id(id));
    }

    String request(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.gateway.url()
                        + "/api/consultations")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + platform.token("patient1"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return ConsultationFlowIT.JSON.readTree(response.body()).get("id").asString();
    }

    HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.gateway.url() + path))
                .header("Authorization", "Bearer " + platform.token(user)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode consultation(String user, String id) throws Exception {
        return ConsultationFlowIT.JSON.readTree(get(user, "/api/consultations/" + id).body());
    }
}
