package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.localstack.tokens.DemoUsers;
import com.housecall.testsupport.TestEvents;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The operators' page in a real browser: Debian's headless Chromium, driven by Selenium through Debian's
 * chromedriver, against the gateway, the five services and a real Keycloak. {@code .ci/run} installs both packages;
 * where they are missing the test is skipped and says so. A screenshot of the page is kept in
 * {@code target/screenshots/}.
 */
class OperatorPageBrowserIT {

    static final Path CHROMIUM = Path.of(System.getProperty("housecall.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("housecall.chromedriver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(90);
    /** The browser's own zone: neither UTC nor the patients', so a time shown in UTC or theirs would be caught. */
    static final ZoneId VIEWER_ZONE = ZoneId.of("Asia/Kolkata");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    Platform platform;
    String page;
    ChromeDriver browser;
    Path profile;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No " + CHROMIUM + " or " + CHROMEDRIVER + ": install Debian's chromium and chromium-driver"
                        + " (.ci/run does) to run the operator page in a browser");
        platform = Platform.shared();
        // localhost, like Keycloak's own address: the page's origin is what the realm must allow
        page = platform.gateway.url().replace("127.0.0.1", "localhost") + "/ops/";
        platform.keycloak.allowBrowserPages("housecall-ops", page);

        profile = Files.createTempDirectory("housecall-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags this machine's closed network needs: no background calls to Google, a fresh profile
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        browser = new ChromeDriver(service, options);
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", VIEWER_ZONE.getId()));
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser == null) {
            return;
        }
        try {
            browser.executeScript("window.scrollTo(0, 0)");
            screenshot(test.getTestMethod().orElseThrow().getName());
        } finally {
            browser.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anOperatorLogsInSeesANewConsultationLiveOpensItsTimelineAndReplaysADeadLetter() throws Exception {
        logIn("operator1");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.textToBe(By.id("who"), "operator1"));
        wait.until(ExpectedConditions.textToBe(By.id("stream-state"), "live"));
        assertThat(browser.getCurrentUrl()).as("the code leaves the address bar").isEqualTo(page);

        // live: a consultation asked for after the page opened appears without a reload
        String id = requestConsultation(ConsultationFlowIT.request());
        String rows = "//ol[@id='events']/li[@data-consultation='" + id + "']";
        By row = By.xpath(rows);
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        wait.until(d -> d.findElements(By.xpath(rows + "//strong[@class='event-type']"))
                .stream().map(WebElement::getText).toList().contains("booking.confirmed"));
        Phi.assertAbsent(browser.findElement(By.id("events")).getText(), "events", ConsultationFlowIT.PHI);
        assertThat(browser.findElement(By.id("counts")).getText()).contains("consultation.requested: ");

        // its timeline, on click
        browser.findElement(row).findElement(By.cssSelector("a.consultation")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline-panel")));
        assertThat(browser.findElement(By.id("timeline-id")).getText()).isEqualTo(id);
        wait.until(d -> d.findElement(By.id("timeline")).getText().contains("booking.confirmed"));
        List<String> timeline = browser.findElements(By.cssSelector("#timeline .event-type")).stream()
                .map(WebElement::getText).toList();
        assertThat(timeline).contains("consultation.requested", "screening.completed", "visit.scheduled",
                "booking.confirmed");
        Phi.assertAbsent(browser.findElement(By.id("timeline")).getText(), "timeline", ConsultationFlowIT.PHI);

        // a real dead letter: an unreadable event the services reject, replayed once from the page
        String poisoned = UUID.randomUUID().toString();
        TestEvents.send(Topics.BOOKING_EVENTS, poisoned, "{\"consultationId\": ".getBytes(StandardCharsets.UTF_8),
                CloudEventHeaders.of(UUID.randomUUID().toString(), "/housecall/booking-service",
                        EventTypes.CONSULTATION_REQUESTED, Instant.now().toString(), poisoned));
        By replay = By.xpath("//tbody[@id='dead-letters']/tr[td[2][text()='" + Topics.BOOKING_EVENTS + "']]"
                + "[td/a[text()='" + poisoned + "']]//button");
        // the list re-renders after each reload: read an element only just before its use
        WebDriverWait rerendering = new WebDriverWait(browser, WAIT);
        rerendering.ignoring(StaleElementReferenceException.class);
        String deadLetterId = rerendering.until(d -> {
            List<WebElement> found = d.findElements(replay);
            if (found.isEmpty()) {
                d.findElement(By.id("reload-dead-letters")).click();
                return null;
            }
            return found.getFirst().getDomAttribute("data-id");
        });
        By button = By.cssSelector("#dead-letters button[data-id='" + deadLetterId + "']");
        rerendering.until(d -> {
            WebElement replayButton = d.findElement(button);
            assertThat(replayButton.getText()).isEqualTo("Replay");
            replayButton.click();
            return true;
        });
        wait.until(ExpectedConditions.textToBe(By.id("dead-letter-message"), "Replayed " + deadLetterId));
        rerendering.until(d -> d.findElement(button).getText().equals("Replayed"));
        WebElement replayed = browser.findElement(button);
        assertThat(replayed.isEnabled()).isFalse();
        assertThat(replayed.findElement(By.xpath("..")).getText()).contains("by operator1");
        String consumer = deadLetterId.substring(Topics.BOOKING_EVENTS.length() + 1, deadLetterId.indexOf(".dlq:"));
        assertThat(replayed.findElement(By.xpath("../../td[3]")).getText()).isEqualTo(consumer);
    }

    @Test
    void aSafetyAlertRaisedBeforeThePageOpenedStaysOnScreenUntilAClinicianAcknowledgesIt() throws Exception {
        String id = requestConsultation(ConsultationFlowIT.request(2, 1)); // PHQ-9 item 9 answered: a crisis
        URI timeline = URI.create(platform.gateway.url() + "/api/ops/consultations/" + id + "/timeline");
        await().atMost(WAIT).until(() -> send("operator1", HttpRequest.newBuilder(timeline).GET()).body()
                .contains(EventTypes.SAFETY_ALERT));

        logIn("operator1");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        By alert = By.xpath("//ul[@id='alerts']/li[a[text()='" + id + "']]");
        wait.until(d -> d.findElements(alert).stream().anyMatch(li -> "alert-open".equals(li.getDomAttribute("class"))));
        assertThat(browser.findElement(alert).getText()).startsWith("NOT ACKNOWLEDGED");
        Phi.assertAbsent(browser.findElement(By.id("alerts")).getText(), "alerts", ConsultationFlowIT.PHI);

        HttpResponse<String> acknowledged = send("clinician1", HttpRequest.newBuilder(
                URI.create(platform.gateway.url() + "/api/screenings/" + id + "/acknowledge"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        wait.until(d -> "alert-acknowledged".equals(d.findElement(alert).getDomAttribute("class")));
        assertThat(browser.findElement(alert).getText()).startsWith("Acknowledged");
    }

    @Test
    void anOperatorReadsLocalTimesFindsAConsultationByItsIdPrefixAndReassignsItsVisit() throws Exception {
        String id = requestConsultation(ConsultationFlowIT.request());
        URI timeline = URI.create(platform.gateway.url() + "/api/ops/consultations/" + id + "/timeline");
        await().atMost(WAIT).until(() -> send("operator1", HttpRequest.newBuilder(timeline).GET()).body()
                .contains(EventTypes.BOOKING_CONFIRMED));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // added once the visit is booked, so that dispatch gave it to the demo roster's nurse
        String qualified = putNurse(null, "Qualified R.", "e2e-ca-" + tag, "CA", true);
        String unlicensed = putNurse(null, "Elsewhere N.", "e2e-nv-" + tag, "NV", true);
        try {
            logIn("operator1");
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(ExpectedConditions.textToBe(By.id("who"), "operator1"));

            // by the first 8 characters of its id and its status
            browser.findElement(By.id("search-id")).sendKeys(id.substring(0, 8).toUpperCase());
            new Select(browser.findElement(By.id("search-status"))).selectByValue("CONFIRMED");
            browser.findElement(By.cssSelector("#search button[type=submit]")).click();
            By found = By.xpath("//tbody[@id='search-results']/tr[td/a[text()='" + id + "']]");
            wait.until(ExpectedConditions.presenceOfElementLocated(found));
            assertThat(browser.findElement(found).findElement(By.xpath("td[2]")).getText()).isEqualTo("CONFIRMED");
            assertLocalTime(browser.findElement(found).findElement(By.tagName("time")));

            // its timeline as cards; a visit's card opens its nurse's day
            browser.findElement(found).findElement(By.cssSelector("a.consultation")).click();
            By scheduled = By.xpath("//ol[@id='timeline']/li[.//strong[text()='visit.scheduled']]");
            wait.until(ExpectedConditions.presenceOfElementLocated(scheduled));
            assertLocalTime(browser.findElement(scheduled).findElement(By.tagName("time")));
            Phi.assertAbsent(browser.findElement(By.id("timeline")).getText(), "timeline", ConsultationFlowIT.PHI);
            browser.findElement(scheduled).findElement(By.cssSelector("button.link")).click();
            By visit = By.xpath("//ol[@id='nurse-visits']/li[.//a[text()='" + id + "']]");
            wait.until(ExpectedConditions.presenceOfElementLocated(visit));
            assertThat(browser.findElement(visit).getText()).contains("SCHEDULED", "America/Los_Angeles");

            // a nurse not licensed in California: the platform's 409 detail is on screen, nothing moves
            reassignTo(visit, unlicensed);
            wait.until(d -> d.findElement(By.id("reassign-message")).getText().startsWith("Not reassigned"));
            assertThat(browser.findElement(By.id("reassign-message")).getText())
                    .contains("not licensed in the visit's state");
            // a qualified one: the visit leaves this nurse's day and is in the new nurse's
            reassignTo(visit, qualified);
            wait.until(d -> d.findElement(By.id("reassign-message")).getText().contains("now goes to Qualified R."));
            wait.until(d -> d.findElements(visit).isEmpty());
            new Select(browser.findElement(By.id("nurse-select"))).selectByValue(qualified);
            browser.findElement(By.cssSelector("#nurse-form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(visit));
            URI consultation = URI.create(platform.gateway.url() + "/api/consultations/" + id);
            await().atMost(WAIT).until(() -> send("operator1", HttpRequest.newBuilder(consultation).GET()).body()
                    .contains("Qualified R."));
        } finally {
            // out of dispatch again: the shared platform's other tests count on the demo roster alone
            putNurse(qualified, "Qualified R.", "e2e-ca-" + tag, "CA", false);
            putNurse(unlicensed, "Elsewhere N.", "e2e-nv-" + tag, "NV", false);
        }
    }

    @Test
    void aNewSafetyAlertCountsInTheBadgeAndTheTitleAndRingsOnceTheOperatorTurnedTheSoundOn() throws Exception {
        logIn("operator1");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.textToBe(By.id("who"), "operator1"));
        browser.findElement(By.id("sound")).click();
        assertThat(browser.findElement(By.id("sound")).getDomAttribute("aria-pressed")).isEqualTo("true");

        String id = requestConsultation(ConsultationFlowIT.request(2, 1)); // PHQ-9 item 9 answered: a crisis
        By alert = By.xpath("//ul[@id='alerts']/li[a[text()='" + id + "']]");
        wait.until(d -> d.findElements(alert).stream()
                .anyMatch(li -> "alert-open".equals(li.getDomAttribute("class"))));
        int open = browser.findElements(By.cssSelector("#alerts li.alert-open")).size();
        assertThat(browser.findElement(By.id("alert-badge")).getText())
                .isEqualTo(open + (open == 1 ? " open safety alert" : " open safety alerts"));
        assertThat(browser.getTitle()).isEqualTo("(" + open + ") Housecall operators");
        assertThat(browser.findElement(By.id("sound")).getDomAttribute("data-rung")).isEqualTo("1");
        assertLocalTime(browser.findElement(alert).findElement(By.tagName("time")));

        HttpResponse<String> acknowledged = send("clinician1", HttpRequest.newBuilder(
                URI.create(platform.gateway.url() + "/api/screenings/" + id + "/acknowledge"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        wait.until(d -> "alert-acknowledged".equals(d.findElement(alert).getDomAttribute("class")));
        int stillOpen = browser.findElements(By.cssSelector("#alerts li.alert-open")).size();
        assertThat(stillOpen).isEqualTo(open - 1);
        assertThat(browser.getTitle()).isEqualTo(stillOpen == 0 ? "Housecall operators"
                : "(" + stillOpen + ") Housecall operators");

        // a phone: one column, the alerts first, nothing wider than the screen (the screenshot is taken at this size)
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(d -> (Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"));
        assertThat(browser.findElement(By.id("alerts")).getLocation().getY())
                .isLessThan(browser.findElement(By.id("events")).getLocation().getY());
    }

    /** Shown in the browser's zone to the second, with the exact UTC instant on hover. */
    static void assertLocalTime(WebElement time) {
        Instant at = OffsetDateTime.parse(time.getDomAttribute("datetime")).toInstant();
        assertThat(time.getText()).startsWith(LOCAL.format(at.atZone(VIEWER_ZONE))).contains("GMT+5:30");
        assertThat(time.getDomAttribute("title")).endsWith("(UTC)");
        assertThat(Instant.parse(time.getDomAttribute("title").replace(" (UTC)", "")))
                .isEqualTo(at.truncatedTo(ChronoUnit.MILLIS));
    }

    void reassignTo(By visit, String nurseId) {
        WebElement item = browser.findElement(visit);
        new Select(item.findElement(By.tagName("select"))).selectByValue(nurseId);
        item.findElement(By.cssSelector("button.reassign")).click();
    }

    /** Adds a nurse serving 941 ({@code id} null) or replaces one: {@code active} false takes them out of dispatch. */
    String putNurse(String id, String displayName, String username, String state, boolean active) throws Exception {
        String shifts = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(day -> "{\"dayOfWeek\": \"" + day + "\", \"start\": \"06:00\", \"end\": \"20:00\"}")
                .collect(java.util.stream.Collectors.joining(", "));
        String body = """
                {"displayName": "%s", "username": "%s", "timeZone": "America/Los_Angeles", "licenseStates": ["%s"],
                 "skills": ["IV_THERAPY", "ACLS"], "homePostalCode": "94110", "serviceAreaPrefixes": ["941"],
                 "shifts": [%s], "timeOff": [], "active": %s}"""
                .formatted(displayName, username, state, shifts, active);
        URI nurses = URI.create(platform.gateway.url() + "/api/nurses" + (id == null ? "" : "/" + id));
        HttpRequest.Builder request = HttpRequest.newBuilder(nurses).header("Content-Type", "application/json");
        HttpResponse<String> response = send("operator1", id == null
                ? request.POST(HttpRequest.BodyPublishers.ofString(body))
                : request.PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(id == null ? 201 : 200);
        return ConsultationFlowIT.JSON.readTree(response.body()).get("id").asString();
    }

    @Test
    void anOperatorAddsANurseToTheRosterReadsARefusalBesideTheFormAndEditsAShift() throws Exception {
        String username = "e2e-roster-" + UUID.randomUUID().toString().substring(0, 8);
        logIn("operator1");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.textToBe(By.id("who"), "operator1"));
        wait.until(d -> d.findElement(By.id("roster-count")).getText().contains("nurses"));

        WebElement form = browser.findElement(By.id("nurse-edit"));
        browser.executeScript("arguments[0].scrollIntoView()", form);
        field("edit-displayName").sendKeys("Roster T.");
        field("edit-username").sendKeys("nurse1"); // already on the roster
        field("edit-timeZone").clear();
        field("edit-timeZone").sendKeys("America/Denver");
        field("edit-licenseStates").sendKeys("CO");
        field("edit-homePostalCode").sendKeys("80202");
        field("edit-serviceAreaPrefixes").sendKeys("802");
        HeadlessChromium.set(browser, field("shift-MONDAY-start"), "08:00");
        HeadlessChromium.set(browser, field("shift-MONDAY-end"), "16:00");
        // out of dispatch from the start: the shared platform's other tests count on the demo roster alone
        field("edit-active").click();
        field("nurse-save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nurse-edit-problem"),
                "already on the roster"));

        field("edit-username").clear();
        field("edit-username").sendKeys(username);
        field("nurse-save").click();
        wait.until(ExpectedConditions.textToBe(By.id("roster-message"), "Added Roster T. (" + username + ")."));
        assertThat(field("nurse-edit-problem").getText()).isEmpty();
        By row = By.xpath("//tbody[@id='roster']/tr[td[2][text()='" + username + "']]");
        wait.until(d -> d.findElement(row).getText().contains("Mon 08:00–16:00 (America/Denver)"));
        assertThat(browser.findElement(row).getText()).contains("Roster T.", "CO", "no");
        String id = browser.findElement(row).getDomAttribute("data-id");

        // a Monday that ends before it starts: the field's refusal, named by its day, beside the form
        browser.findElement(row).findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("nurse-edit-heading"), "Edit Roster T."));
        HeadlessChromium.set(browser, field("shift-MONDAY-end"), "07:00");
        field("nurse-save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nurse-edit-problem"),
                "Monday shift end: must be after start"));
        HeadlessChromium.set(browser, field("shift-MONDAY-end"), "18:00");
        HeadlessChromium.set(browser, field("shift-TUESDAY-start"), "08:00");
        HeadlessChromium.set(browser, field("shift-TUESDAY-end"), "18:00");
        field("nurse-save").click();
        wait.until(d -> d.findElement(By.id("roster-message")).getText().startsWith("Saved Roster T."));
        wait.until(d -> d.findElement(row).getText().contains("Mon–Tue 08:00–18:00"));

        JsonNode stored = ConsultationFlowIT.JSON.readTree(send("operator1", HttpRequest.newBuilder(
                URI.create(platform.gateway.url() + "/api/nurses/" + id)).GET()).body());
        assertThat(stored.get("shifts").toString()).contains("\"MONDAY\"", "\"18:00\"", "\"TUESDAY\"");
        assertThat(stored.get("active").asBoolean()).isFalse();
        assertThat(stored.get("timeZone").asString()).isEqualTo("America/Denver");
    }

    WebElement field(String id) {
        return browser.findElement(By.id(id));
    }

    void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aSignedInPatientIsToldThePageIsForOperatorsAndSeesNothingOfIt() {
        logIn("patient1");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.textToBe(By.id("who"), "patient1"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")));

        assertThat(browser.findElement(By.tagName("main")).isDisplayed()).as("the operators' screens").isFalse();
        assertThat(browser.findElement(By.id("refused")).getText()).contains("for operators");
    }

    /** Keycloak's own login form, reached from the page by the authorization-code redirect. */
    void logIn(String user) {
        browser.get(page);
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(platform.keycloak.issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256").contains("client_id=housecall-ops");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DemoUsers.require(user).secret());
        browser.findElement(By.id("kc-login")).click();
    }

    String requestConsultation(String body) throws Exception {
        HttpResponse<String> response = send("patient1", HttpRequest.newBuilder(URI.create(platform.gateway.url() + "/api/consultations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return ConsultationFlowIT.JSON.readTree(response.body()).get("id").asString();
    }

    HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + platform.token(user)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
