package org.riskbudget.bench.browser;

import org.riskbudget.bench.Stack;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.riskbudget.contracts.scenario.ApiClient;

/**
 * The dashboard in real headless Chromium against the standalone stack: it loads a regime without a login (the
 * standalone profile lets anonymous viewers read), and when a command goes through the ledger's API the page shows
 * the new figures, from the live stream, without reloading; a broken cap is shown in red; a refused token brings up
 * the token form, and a pasted token is used. Leaves screenshots in {@code target/screenshots/}. Skips where
 * Debian's chromium and chromedriver are not installed.
 */
class DashboardBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration PROJECTION_PATIENCE = Duration.ofMinutes(2);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    private Chromium chromium;

    @BeforeEach
    void browser() {
        Assumptions.assumeTrue(Chromium.isInstalled(), () -> "Skipped: the dashboard's browser test needs Debian's "
                + "chromium at " + Chromium.BROWSER + " and chromedriver at " + Chromium.DRIVER + " (apt-get install "
                + "chromium chromium-driver; .ci/run installs them)");
        chromium = Chromium.start();
    }

    @AfterEach
    void quit() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAllocationThroughTheApiShowsOnTheOpenPageWithoutAReload() throws IOException {
        Stack stack = Stack.shared();
        Ledger ledger = new Ledger(stack.ledger());
        String regimeId = "dashboard-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.post("/api/v1/regimes", "{\"id\": \"" + regimeId + "\", \"name\": \"Browser test\", "
                + "\"capPpb\": 2500000, \"policy\": {}}");
        ledger.post("/api/v1/regimes/" + regimeId + "/companies", "{\"companyId\": \"frontier-a\", \"name\": "
                + "\"Frontier A\"}");
        long opened = ledger.post("/api/v1/regimes/" + regimeId + "/allocations",
                "{\"companyId\": \"frontier-a\", \"amountPpb\": 1000000}");
        ledger.awaitProjected(stack.projection(), regimeId, opened);

        ChromeDriver page = chromium.driver();
        page.get(stack.projection().resolve("/#regime=" + regimeId).toString());
        Wait<WebDriver> wait = waitOn(page);
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-figure=allocated]"), "value", "1000000"));
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        assertThat(page.findElement(By.id("regime")).getAttribute("value")).isEqualTo(regimeId);
        assertThat(text(page, "[data-figure=cap]")).isEqualTo("0.25 %");
        assertThat(page.findElement(By.cssSelector("[data-figure=cap]")).getAttribute("title"))
                .isEqualTo("2,500,000 ppb");
        // Anything that survives only as long as the document does: a reload would lose it.
        page.executeScript("window.loadedOnce = 'still the same page';");

        long allocated = ledger.post("/api/v1/regimes/" + regimeId + "/allocations",
                "{\"companyId\": \"frontier-a\", \"amountPpb\": 250000}");

        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-figure=allocated]"), "value", "1250000"));
        assertThat(text(page, "[data-figure=allocated]")).isEqualTo("0.125 %");
        assertThat(page.findElement(By.cssSelector("[data-figure=allocated]")).getAttribute("title"))
                .isEqualTo("1,250,000 ppb");
        By companyAllocated = By.cssSelector("tr[data-company=frontier-a] td:nth-of-type(1) data");
        wait.until(ExpectedConditions.attributeToBe(companyAllocated, "value", "1250000"));
        assertThat(page.findElement(companyAllocated).getText()).isEqualTo("1,250,000");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#feed li[data-sequence='" + allocated + "']")));
        assertThat(page.executeScript("return window.loadedOnce;")).isEqualTo("still the same page");
        assertThat(severeConsoleMessages(page)).isEmpty();

        Path screenshot = screenshot(page, "dashboard.png");
        assertThat(Files.size(screenshot)).isPositive();
    }

    @Test
    void aCapBrokenByARevisionIsUnmistakable() throws IOException {
        Stack stack = Stack.shared();
        Ledger ledger = new Ledger(stack.ledger());
        String regimeId = "overdrawn-" + UUID.randomUUID().toString().substring(0, 8);
        String regime = "/api/v1/regimes/" + regimeId;
        ledger.post("/api/v1/regimes", "{\"id\": \"" + regimeId + "\", \"name\": \"Overdrawn\", "
                + "\"capPpb\": 2500000, \"policy\": {}}");
        ledger.post(regime + "/companies", "{\"companyId\": \"frontier-a\", \"name\": \"Frontier A\"}");
        ledger.post(regime + "/allocations", "{\"companyId\": \"frontier-a\", \"amountPpb\": 1000000}");
        // The essay's case: a 3 % scheming prior with 4:1 and 10:1 evidence, accepted at 922599 ppb.
        ledger.post(regime + "/safety-cases", "COMPANY", "frontier-a", "{\"caseId\": \"a-atlas-7\", "
                + "\"companyId\": \"frontier-a\", \"system\": {\"name\": \"atlas\", \"version\": \"7\"}, "
                + "\"capabilityTier\": \"AI_10X\", "
                + "\"window\": {\"from\": \"2027-01-01T00:00:00Z\", \"to\": \"2027-07-01T00:00:00Z\"}, "
                + "\"assessments\": {\"security\": {\"level\": \"SL4\", \"riskPpb\": 100000}, "
                + "\"misalignment\": {\"priorProbability\": \"0.03\", \"evidence\": ["
                + "{\"kind\": \"CONTROL\", \"description\": \"trusted monitoring\", \"likelihoodRatio\": \"4\"}, "
                + "{\"kind\": \"BEHAVIOURAL\", \"description\": \"honeypots\", \"likelihoodRatio\": \"10\"}]}, "
                + "\"misuse\": {\"riskPpb\": 50000}}, \"dependsOn\": []}");
        long accepted = ledger.post(regime + "/safety-cases/a-atlas-7/acceptance", "{\"reasons\": \"meets policy\"}");
        ledger.awaitProjected(stack.projection(), regimeId, accepted);

        ChromeDriver page = chromium.driver();
        page.get(stack.projection().resolve("/#regime=" + regimeId).toString());
        Wait<WebDriver> wait = waitOn(page);
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-figure=spent]"), "value", "922599"));
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        assertThat(page.findElement(By.id("cap-alert")).isDisplayed()).isFalse();

        // Smoking-gun evidence: the estimate rises to 4001092 ppb, spent goes past the cap, the company overdraws.
        ledger.post(regime + "/safety-cases/a-atlas-7/revisions", "AUDITOR", null, "{\"reason\": \"smoking-gun "
                + "evidence of scheming\", \"evidence\": [{\"kind\": \"INCIDENT\", \"description\": \"backdoor\", "
                + "\"likelihoodRatio\": \"0.2\"}]}");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cap-alert")));
        assertThat(text(page, "#cap-alert")).startsWith("Cap exceeded: 0.4001092 % spent against a cap of 0.25 %");
        assertThat(text(page, "#regime-status")).isEqualTo("CAP EXCEEDED");
        assertThat(page.findElement(By.cssSelector("[data-figure=remaining]")).getAttribute("value"))
                .isEqualTo("-1501092");
        assertThat(page.findElement(By.id("gauge")).getAttribute("class")).contains("exceeded");
        By company = By.cssSelector("tr[data-company=frontier-a]");
        wait.until(ExpectedConditions.attributeContains(company, "class", "paused"));
        WebElement available = page.findElement(By.cssSelector("tr[data-company=frontier-a] td:nth-of-type(3)"));
        assertThat(available.getText()).isEqualTo("-3,001,092");
        assertThat(available.getAttribute("class")).contains("negative");
        assertThat(severeConsoleMessages(page)).isEmpty();

        assertThat(Files.size(screenshot(page, "dashboard-cap-exceeded.png"))).isPositive();
    }

    @Test
    void aRefusedTokenAsksForAnotherAndAPastedOneIsUsed() {
        Stack stack = Stack.shared();
        Ledger ledger = new Ledger(stack.ledger());
        String regimeId = "token-" + UUID.randomUUID().toString().substring(0, 8);
        long opened = ledger.post("/api/v1/regimes", "{\"id\": \"" + regimeId + "\", \"name\": \"Token\", "
                + "\"capPpb\": 1000000, \"policy\": {}}");
        ledger.awaitProjected(stack.projection(), regimeId, opened);
        ChromeDriver page = chromium.driver();
        page.get(stack.projection().resolve("/#regime=" + regimeId).toString());
        Wait<WebDriver> wait = waitOn(page);
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));

        // A token the service does not trust is refused even where anonymous viewers may read.
        page.executeScript("sessionStorage.setItem('risk-budget-ledger.token', 'not-a-token');");
        page.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertThat(text(page, "#sign-in-reason")).contains("refused");
        assertThat(page.findElement(By.id("dashboard")).isDisplayed()).isFalse();

        page.findElement(By.id("token")).sendKeys(ledger.viewerToken());
        page.findElement(By.cssSelector("#sign-in button[type=submit]")).click();

        // Read with the token as a header, and the stream opened with it as its query parameter.
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-figure=cap]"), "value", "1000000"));
        assertThat(page.findElement(By.id("sign-in")).isDisplayed()).isFalse();
        assertThat(page.executeScript("return sessionStorage.getItem('risk-budget-ledger.token');"))
                .isEqualTo(ledger.viewerToken());
        long registered = ledger.post("/api/v1/regimes/" + regimeId + "/companies",
                "{\"companyId\": \"frontier-b\", \"name\": \"Frontier B\"}");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#feed li[data-sequence='" + registered + "']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-company=frontier-b]")));
    }

    /**
     * The dashboard renders a table's rows anew on every change, so an element found in one poll may be replaced
     * before it is read: the wait looks it up again.
     */
    private static Wait<WebDriver> waitOn(WebDriver page) {
        return new WebDriverWait(page, PATIENCE).ignoring(StaleElementReferenceException.class);
    }

    private static String text(WebDriver page, String css) {
        return page.findElement(By.cssSelector(css)).getText();
    }

    private static List<String> severeConsoleMessages(ChromeDriver page) {
        return page.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private static Path screenshot(ChromeDriver page, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        WebElement body = page.findElement(By.tagName("body"));
        Path taken = body.getScreenshotAs(OutputType.FILE).toPath();
        Path kept = SCREENSHOTS.resolve(name);
        Files.copy(taken, kept, StandardCopyOption.REPLACE_EXISTING);
        return kept;
    }

    /** The ledger's command API, with tokens from its local issuer. */
    private static final class Ledger {

        private final URI base;
        private final ApiClient client;

        Ledger(URI base) {
            this.base = base;
            this.client = new ApiClient(base);
        }

        /** Sends a command as the regulator and answers the regime sequence of its last event. */
        long post(String path, String body) {
            return post(path, "REGULATOR", null, body);
        }

        long post(String path, String role, String companyId, String body) {
            ApiClient.Answer answer = client.send("POST", base.resolve(path), client.token(role, companyId), body,
                    UUID.randomUUID().toString());
            assertThat(answer.status()).as(answer.text()).isBetween(200, 299);
            return answer.body().get("sequence").asLong();
        }

        String viewerToken() {
            return client.token("VIEWER", null);
        }

        /**
         * Waits until the projection has applied the sequence: each read waits a few seconds itself, and a stack
         * that has just started (or a busy machine) may need a few such reads.
         */
        void awaitProjected(URI projection, String regimeId, long sequence) {
            URI budget = projection.resolve("/api/v1/regimes/" + regimeId + "/budget?minSequence=" + sequence);
            Awaitility.await("sequence " + sequence + " of " + regimeId + " projected").atMost(PROJECTION_PATIENCE)
                    .until(() -> client.send("GET", budget, viewerToken(), null, null).status() == 200);
        }
    }
}
