package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.housecall.localstack.tokens.DemoUsers;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, as {@link OperatorPageBrowserIT} runs it: skipped
 * (saying why) where either is missing; screenshots go to {@code target/screenshots/}.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(90);

    final ChromeDriver browser;
    private final Path profile;

    private HeadlessChromium(ChromeDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    /** A browser of {@code width} x {@code height} CSS pixels (a phone: 412 x 915). */
    static HeadlessChromium open(int width, int height) throws Exception {
        Path chromium = OperatorPageBrowserIT.CHROMIUM;
        Path chromedriver = OperatorPageBrowserIT.CHROMEDRIVER;
        assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(chromedriver),
                "No " + chromium + " or " + chromedriver + ": install Debian's chromium and chromium-driver"
                        + " (.ci/run does) to run the web apps in a browser");
        Path profile = Files.createTempDirectory("housecall-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // the flags this machine's closed network needs: no background calls to Google, a fresh profile
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=en-US", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver-web.log"))
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, WAIT);
    }

    /** Opens {@code page}, which sends the browser to Keycloak's login form of {@code clientId}, and signs in. */
    void logIn(String page, String clientId, String issuer, String user) {
        browser.get(page);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(issuer + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256").contains("client_id=" + clientId);
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DemoUsers.require(user).secret());
        browser.findElement(By.id("kc-login")).click();
    }

    void set(WebElement input, String value) {
        set(browser, input, value);
    }

    /** Sets an input's value as a person's typing would end (date and time inputs take no typed ISO text). */
    static void set(ChromeDriver browser, WebElement input, String value) {
        browser.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    void screenshot(String name) throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws Exception {
        try {
            browser.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
