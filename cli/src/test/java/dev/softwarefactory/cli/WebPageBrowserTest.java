package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser (Debian's headless chromium) against `serve` on the scripted demo
 * model: everything a user does on it, each test saving a screenshot under target/screenshots.
 */
class WebPageBrowserTest {
    private static final Pattern ADDRESS = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern RUN_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration RUN_TIME = Duration.ofSeconds(120);
    /** The outermost elements that reach past the window's right edge. */
    private static final String TOO_WIDE = "const w = document.documentElement.clientWidth;"
            + " return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w"
            + " && e.parentElement.getBoundingClientRect().right <= w)"
            + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width)).join(', ');";
    @TempDir
    static Path dir;
    private static NodeProcess node;
    private static HeadlessChromium browser;
    private static String base;
    private static String finishedRun;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void serveAndOpenBrowser() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        node = NodeProcess.start(dir, "serve", "--data-dir", dir.resolve("data").toString(), "--port", "0",
                "--llm", "demo");
        String line = node.awaitLines(l -> ADDRESS.matcher(l).find(), 1, Duration.ofSeconds(60)).get(0);
        Matcher address = ADDRESS.matcher(line);
        assertTrue(address.find());
        base = address.group(1);
        browser = HeadlessChromium.start();
        finishedRun = startRun("{\"requirement\":\"Write a word frequency tool\",\"llm\":\"demo\"}");
        awaitStatus(finishedRun, "SUCCEEDED");
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aRunCreatedFromTheFormIsWatchedToSuccessWithoutAReload() {
        ChromeDriver driver = browser.driver();
        driver.get(base + "/new");
        driver.findElement(By.id("requirement")).sendKeys("统计文本中的词频 (count the words of a text)");
        new Select(driver.findElement(By.id("new-llm"))).selectByValue("demo");
        ((JavascriptExecutor) driver).executeScript("window.sfSamePage = true;");
        driver.findElement(By.cssSelector("form.new-run button[type=submit]")).click();
        waitFor().until(ExpectedConditions.urlMatches("/runs/[^/]+$"));
        waitFor().until(d -> d.findElements(By.cssSelector(".lane.busy")).size() > 0
                || statusShown().equals("SUCCEEDED"));
        browser.screenshot("run-in-progress");
        waitFor().until(d -> statusShown().equals("SUCCEEDED"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.sfSamePage === true;"),
                "the page was reloaded");
        assertTrue(driver.findElement(By.cssSelector(".run-head h1")).getText().contains("统计文本中的词频"));
        assertTrue(driver.findElements(By.cssSelector(".messages li")).size() >= 8, "messages between roles shown");
        browser.screenshot("run-succeeded");
    }

    @Test
    void aModelCallOpensInPlaceWithItsPromptAndAnswer() {
        ChromeDriver driver = openRun(finishedRun);
        WebElement llmStep = waitFor().until(d -> d.findElements(By.cssSelector("table.timeline tbody tr")).stream()
                .filter(row -> row.getText().contains("llm:")).findFirst().orElse(null));
        llmStep.findElement(By.cssSelector("button.link")).click();
        WebElement detail = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".detail-llm")));
        assertTrue(detail.getText().contains("Prompt"));
        assertTrue(detail.getText().contains("Answer"));
        assertTrue(detail.findElement(By.cssSelector("pre[aria-label=Prompt]")).getText().contains("Action:"),
                "the prompt as sent, with its header");
        browser.screenshot("model-call");
    }

    @Test
    void aFileOpensWithItsVersionsAndTheDifferenceBetweenTwo() {
        ChromeDriver driver = openRun(finishedRun);
        driver.findElement(By.id("tab-files")).click();
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-path='textstats.py']")))
                .click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".versions")));
        driver.findElement(By.xpath("//button[text()='Show difference']")).click();
        WebElement diff = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".diff")));
        assertTrue(diff.findElements(By.cssSelector("tr.diff-removed")).stream()
                .anyMatch(row -> row.getText().contains("text.split()")), "the first version's line is removed");
        assertTrue(diff.findElements(By.cssSelector("tr.diff-added")).stream()
                .anyMatch(row -> row.getText().contains("re.findall")), "the fix's line is added");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", diff);
        browser.screenshot("file-diff");
    }

    @Test
    void theTimeSliderShowsTheWorkspaceAsItWasAtAnEarlierStep() {
        ChromeDriver driver = openRun(finishedRun);
        driver.findElement(By.id("tab-files")).click();
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-path='textstats.py']")))
                .click();
        waitFor().until(d -> codeShown().contains("re.findall"));
        long firstVersion = Long.parseLong(driver.findElement(By.id("diff-from")).getAttribute("value"));
        slideTo(firstVersion);
        waitFor().until(d -> codeShown().contains("text.split()"));
        assertTrue(driver.findElement(By.cssSelector(".travel label")).getText().contains("At step " + firstVersion));
        browser.screenshot("time-travel");
    }

    @Test
    void aForkFromAStepStartsANewRunShownLive() {
        ChromeDriver driver = openRun(finishedRun);
        slideTo(5);
        driver.findElement(By.cssSelector(".fork summary")).click();
        new Select(driver.findElement(By.id("fork-llm"))).selectByValue("demo");
        driver.findElement(By.cssSelector(".fork-button")).click();
        waitFor().until(d -> !d.getCurrentUrl().endsWith("/runs/" + finishedRun));
        waitFor().until(d -> d.findElement(By.cssSelector(".run-actions")).getText().contains("fork of run " + finishedRun));
        waitFor().until(d -> statusShown().equals("SUCCEEDED"));
        browser.screenshot("fork");
    }

    @Test
    void aSlowRunIsCancelledFromItsPage() throws Exception {
        Path script = dir.resolve("slow.json");
        Files.writeString(script, "[{\"action\": \"WritePRD\", \"reply\": \"# PRD\\n\", \"delayMs\": 60000}]");
        String run = startRun("{\"requirement\":\"A slow one\",\"llm\":\"scripted:" + script + "\"}");
        ChromeDriver driver = openRun(run);
        waitFor().until(d -> d.findElements(By.cssSelector(".lane.busy")).size() > 0);
        driver.findElement(By.xpath("//button[text()='Cancel']")).click();
        waitFor().until(d -> statusShown().equals("CANCELLED"));
        browser.screenshot("cancelled");
    }

    @Test
    void everyViewKeepsTheWcagRulesThatAxeChecks() {
        ChromeDriver driver = browser.driver();
        List<String> broken = new ArrayList<>();
        for (String view : List.of("/", "/new", "/gateway")) {
            driver.get(base + view);
            waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1, main h2")));
            Axe.violations(driver).forEach(v -> broken.add(view + ": " + v));
        }
        openRun(finishedRun);
        for (WebElement tab : driver.findElements(By.cssSelector("[role=tab]"))) {
            tab.click();
            waitFor().until(d -> "true".equals(tab.getAttribute("aria-selected")));
            Axe.violations(driver).forEach(v -> broken.add("run, " + tab.getText() + ": " + v));
        }
        assertEquals(List.of(), broken, String.join("\n", broken));
    }

    @Test
    void aRunsFilesAreReachedWithTheKeyboardAlone() {
        ChromeDriver driver = openRun(finishedRun);
        WebElement filesTab = driver.findElement(By.id("tab-files"));
        driver.findElement(By.tagName("body")).click();
        for (int presses = 0; presses < 60 && !filesTab.equals(driver.switchTo().activeElement()); presses++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertEquals(filesTab, driver.switchTo().activeElement(), "Tab never reached the Files tab");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        WebElement file = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("button[data-path='textstats.py']")));
        for (int presses = 0; presses < 60 && !file.equals(driver.switchTo().activeElement()); presses++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertEquals(file, driver.switchTo().activeElement(), "Tab never reached the file");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitFor().until(d -> codeShown().contains("re.findall"));
    }

    @Test
    void theLayoutFitsFromALaptopScreenToAWideMonitor() {
        ChromeDriver driver = browser.driver();
        try {
            for (Dimension size : List.of(new Dimension(1280, 720), new Dimension(2560, 1440))) {
                driver.manage().window().setSize(size);
                for (String view : List.of("/", "/new", "/runs/" + finishedRun)) {
                    driver.get(base + view);
                    waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1, main h2")));
                    JavascriptExecutor js = (JavascriptExecutor) driver;
                    Object overflow = js.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                    assertEquals(0L, ((Number) overflow).longValue(), () -> view + " scrolls sideways at " + size
                            + "; too wide: " + js.executeScript(TOO_WIDE));
                }
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1440, 1000));
        }
    }

    private static ChromeDriver openRun(String run) {
        ChromeDriver driver = browser.driver();
        driver.get(base + "/runs/" + run);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".run-head")));
        return driver;
    }

    private static void slideTo(long step) {
        WebElement slider = browser.driver().findElement(By.id("travel-step"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "const s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('input', {bubbles: true}));",
                slider, String.valueOf(step));
    }

    private static String statusShown() {
        List<WebElement> status = browser.driver().findElements(By.cssSelector(".run-head .status"));
        return status.isEmpty() ? "" : status.get(0).getText();
    }

    private static String codeShown() {
        List<WebElement> code = browser.driver().findElements(By.cssSelector(".file-view pre.code"));
        return code.isEmpty() ? "" : code.get(0).getText();
    }

    private static WebDriverWait waitFor() {
        return new WebDriverWait(browser.driver(), RUN_TIME);
    }

    private static String startRun(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        Matcher id = RUN_ID.matcher(response.body());
        assertTrue(id.find(), response.body());
        return id.group(1);
    }

    private static void awaitStatus(String run, String status) {
        new FluentWait<>(run).withTimeout(RUN_TIME).pollingEvery(Duration.ofMillis(250))
                .withMessage(() -> "run " + run + " did not reach " + status)
                .until(id -> get("/api/runs/" + id).contains("\"status\":\"" + status + "\""));
    }

    private static String get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
