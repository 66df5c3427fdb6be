package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.e2e.Journey.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The nurses' page (DECISIONS 47) in headless Chromium on a phone-sized screen, signed in as nurse1 through Keycloak:
 * the visit dispatch gave nurse1 is listed with the patient's first name, opens with its status buttons and the
 * record form, and the platform's refusals (too early to leave, no record before arriving) are shown as it words them.
 * The whole record through the API is VisitRecordIT's.
 */
class NursePageBrowserIT {

    final Journey journey = new Journey();
    Platform platform;
    String base;
    HeadlessChromium chromium;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.open(412, 915);
        platform = Platform.shared();
        base = platform.gateway.url().replace("127.0.0.1", "localhost");
        platform.keycloak.allowBrowserPages("housecall-web", base + "/nurse/");
    }

    @AfterEach
    void close() throws Exception {
        if (chromium != null) {
            try {
                chromium.screenshot("nurseSeesTheVisitAndThePlatformsRefusals");
            } finally {
                chromium.close();
            }
        }
    }

    @Test
    void nurse1OpensTheirVisitAndSeesWhatIsRefusedAndWhy() throws Exception {
        NurseClockIT.giveNurse1TheOnlyPrefix(journey);
        // 88 days ahead: NurseClockIT and VisitRecordIT book nurse1 from 20 and 60 days ahead
        Patient patient = Patient.in("CA", "America/Los_Angeles", NurseClockIT.NURSE1_ONLY_PREFIX + "03");
        String id = journey.submit(Journey.request(patient, 2, 0, 88));
        journey.awaitStatus(id, "CONFIRMED");
        String visitId = Journey.visits(journey.view(id)).getFirst().get("id").asString();

        chromium.logIn(base + "/nurse/", "housecall-web", platform.keycloak.issuer(), "nurse1");
        WebDriverWait wait = chromium.waiting();
        By visit = By.cssSelector("a.visit-link[href='/nurse/visits/" + visitId + "']");
        wait.until(ExpectedConditions.elementToBeClickable(visit));
        assertThat(chromium.browser.findElement(visit).findElement(By.xpath("..")).getText()).contains("Ottilie",
                "9 Harbor Way", "scheduled");

        chromium.browser.findElement(visit).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("visit-panel")));
        assertThat(chromium.browser.getCurrentUrl()).endsWith("/nurse/visits/" + visitId);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-status='EN_ROUTE']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "EN_ROUTE"));
        assertThat(chromium.browser.findElement(By.cssSelector("#message .error")).isDisplayed()).isTrue();

        chromium.browser.findElement(By.id("field-systolic")).sendKeys("128");
        chromium.browser.findElement(By.id("field-diastolic")).sendKeys("82");
        chromium.browser.findElement(By.id("field-heartRate")).sendKeys("76");
        chromium.browser.findElement(By.id("field-spo2")).sendKeys("98");
        chromium.browser.findElement(By.id("field-respiratoryRate")).sendKeys("14");
        chromium.browser.findElement(By.id("record")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "ARRIVED"));
        assertThat(chromium.browser.findElements(By.cssSelector("#entries tr"))).isEmpty();
    }
}
