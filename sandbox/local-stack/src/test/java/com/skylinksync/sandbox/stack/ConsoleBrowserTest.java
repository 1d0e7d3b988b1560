package com.skylinksync.sandbox.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.sandbox.retailexpress.InjectedLatency;
import com.skylinksync.schemas.Topics;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by
 * Selenium through the system chromedriver), against the real stack: the embedded broker and PostgreSQL, both
 * simulators, the gateway and the sync services. One stack and one browser for the class. Each page's screenshot is
 * written to {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern PROGRESS = Pattern.compile("([0-9,]+) / ([0-9,]+).*");

    private static LocalStack stack;
    private static WebDriver browser;
    private static Path profile;
    private static String console;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The console tests need Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install them with `sudo apt-get install -y chromium chromium-driver`");
        }
        Files.createDirectories(SCREENSHOTS);
        stack = LocalStack.start(StackPorts.anyFree());
        console = stack.gatewayUri() + "/console/";
        profile = Files.createTempDirectory("console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,800",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aWrongTokenShowsTheRefusalAndTheOperatorTokenLogsInByKeyboard() {
        browser.get(console);
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        WebElement token = waitFor(By.id("token"));
        // The page focuses the token field and Enter submits: no mouse needed.
        assertThat(browser.switchTo().activeElement()).isEqualTo(token);
        assertThat(browser.findElement(By.cssSelector("label[for=token]")).getText()).contains("Operator token");
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).as("pages offered before logging in").isFalse();
        token.sendKeys("not-a-token", Keys.ENTER);
        WebElement refusal = waitFor(By.id("login-error"));
        wait(DEADLINE).until(ExpectedConditions.textToBePresentInElement(refusal, "needs an operator credential"));
        screenshot("login");

        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(LocalStack.OPERATOR_TOKEN, Keys.ENTER);
        wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        wait(DEADLINE).until(ExpectedConditions.textToBe(By.tagName("h1"), "Change sets"));
        assertThat(browser.getCurrentUrl()).endsWith("#/changesets");
    }

    @Test
    void aReadOnlyTokenReadsButItsActionsAreRefusedWithTheApisMessage() {
        open("#/bulk-runs");
        browser.findElement(By.id("logout")).click();
        WebElement token = waitFor(By.id("token"));
        token.sendKeys(LocalStack.READ_ONLY_TOKEN, Keys.ENTER);
        wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        browser.get(console + "#/bulk-runs");
        wait(DEADLINE).until(ExpectedConditions.textToBe(By.tagName("h1"), "Bulk runs"));
        wait(DEADLINE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main table caption")));
        browser.findElement(By.id("start-bulk")).click();
        wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .alert"),
                "This action needs the operator role"));
        browser.findElement(By.id("logout")).click();
        waitFor(By.id("token"));
        assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('skylink.operatorToken')")).isNull();
    }

    @Test
    void findsAChangeSetAndOpensAnEntityWithItsHistory() throws Exception {
        String changeSet = UUID.randomUUID().toString();
        assertThat(putChangeSet(changeSet, "Customer", 300000)).isEqualTo(201);
        open("#/changesets");

        // Filter the list by status: the change set shows up once RE has been told it is processed (the list is live).
        new Select(waitFor(By.name("status"))).selectByValue("ACKNOWLEDGED");
        browser.findElement(By.cssSelector("form[aria-label='Filter change sets'] button[type=submit]")).click();
        wait(DEADLINE).until(ExpectedConditions.urlContains("status=ACKNOWLEDGED"));
        WebElement link = wait(DEADLINE).until(ExpectedConditions.elementToBeClickable(By.linkText(changeSet)));
        screenshot("changesets");
        link.click();

        wait(DEADLINE).until(ExpectedConditions.textToBe(By.tagName("h1"), "Change set " + changeSet));
        wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dl.facts"), "ACKNOWLEDGED"));
        WebElement row = wait(DEADLINE).until(d -> rowContaining(By.cssSelector("main table tbody tr"), "300000"));
        // Written, or found already up to date if another test's bulk run synced customer 300000 first.
        assertThat(row.getText()).contains("Customer").contains("EDS").containsPattern(" (SYNCED|UNCHANGED) ").contains("customer-sync-service");
        screenshot("changeset");

        row.findElement(By.linkText("300000")).click();
        wait(DEADLINE).until(ExpectedConditions.textToBe(By.tagName("h1"), "Entity customer 300000"));
        wait(DEADLINE).until(ExpectedConditions.textMatches(By.id("latest"), Pattern.compile("Latest outcome: (SYNCED|UNCHANGED)")));
        WebElement history = wait(DEADLINE).until(d -> rowContaining(By.cssSelector("main table tbody tr"), changeSet));
        assertThat(history.getText()).contains("EDS").containsPattern(" (SYNCED|UNCHANGED) ");
        screenshot("entity");

        // The search form finds it too.
        open("#/entities");
        new Select(waitFor(By.name("type"))).selectByValue("customer");
        WebElement id = browser.findElement(By.name("entityId"));
        id.sendKeys("300000", Keys.ENTER);
        wait(DEADLINE).until(ExpectedConditions.urlContains("#/entities/customer/300000"));
        wait(DEADLINE).until(d -> rowContaining(By.cssSelector("main table tbody tr"), changeSet));
    }

    @Test
    void redrivesADeadLetterAndShowsItInTheErrorsLog() throws Exception {
        // A customer RE does not know: the customer service dead-letters it at once.
        String changeSet = UUID.randomUUID().toString();
        assertThat(putChangeSet(changeSet, "Customer", 987655)).isEqualTo(201);
        open("#/dead-letters?topic=" + Topics.CUSTOMERS);
        WebElement row = wait(DEADLINE).until(d -> rowContaining(By.cssSelector("main table tbody tr"), changeSet));
        WebElement button = row.findElement(By.cssSelector("button.redrive"));
        String id = button.getAttribute("data-id");
        screenshot("dead-letters");
        button.click();

        wait(DEADLINE).until(ExpectedConditions.textToBe(By.id("status"), "Redriven: " + id));
        wait(DEADLINE).until(d -> {
            WebElement redriven = rowContaining(By.cssSelector("main table tbody tr"), id);
            return redriven != null && redriven.getText().contains("REDRIVEN");
        });
        assertThat(apiGet("/ops/dead-letters/" + id).path("handledAt").isNull()).isFalse();

        // The errors log shows the dead letter (level ERROR) live, and keeps it when narrowed to errors only.
        open("#/errors");
        WebElement entry = wait(DEADLINE).until(d -> rowContaining(By.cssSelector("main table tbody tr"), changeSet));
        assertThat(entry.getText()).contains("ERROR").contains("DEAD_LETTERED").contains("987655").contains("customer-sync-service");
        new Select(browser.findElement(By.name("level"))).selectByValue("ERROR");
        wait(DEADLINE).until(ExpectedConditions.urlContains("level=ERROR"));
        wait(DEADLINE).until(d -> rowContaining(By.cssSelector("main table tbody tr"), changeSet));
        assertThat(browser.findElements(By.cssSelector("main table tbody .pill.WARN"))).isEmpty();
        screenshot("errors");
    }

    @Test
    void aBulkRunsProgressMovesLiveUntilItFinishes() throws Exception {
        // Slow Retail Express down so the run's states last long enough to be seen between polls.
        stack.retailExpress().latency(InjectedLatency.fixed(Duration.ofMillis(1500)));
        try {
            open("#/bulk-runs");
            new Select(waitFor(By.name("type"))).selectByValue("customers");
            browser.findElement(By.id("start-bulk")).click();
            WebElement started = waitFor(By.id("bulk-result"));
            wait(DEADLINE).until(ExpectedConditions.textMatches(By.id("bulk-result"), Pattern.compile("Bulk run \\S+ started.*")));
            String run = started.getText().replaceAll("^Bulk run (\\S+) started.*$", "$1");

            // Read the run's progress as the page redraws it, without reloading: it must be seen unfinished, then finished.
            List<String> seen = new ArrayList<>();
            wait(Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(100)).until(d -> {
                List<WebElement> rows = d.findElements(By.cssSelector("main tr[data-run='" + run + "']"));
                if (rows.isEmpty()) {
                    return false;
                }
                WebElement row = rows.getFirst();
                String text = row.findElement(By.className("progress-text")).getText() + " | " + row.getText().contains("FINISHED");
                if (seen.isEmpty() || !seen.getLast().equals(text)) {
                    seen.add(text);
                    if (seen.size() == 1) {
                        screenshot("bulk-runs");
                    }
                }
                return text.endsWith("true");
            });
            Matcher first = PROGRESS.matcher(seen.getFirst());
            Matcher last = PROGRESS.matcher(seen.getLast());
            assertThat(first.matches()).as(seen.toString()).isTrue();
            assertThat(last.matches()).as(seen.toString()).isTrue();
            long firstDone = Long.parseLong(first.group(1).replace(",", ""));
            long firstTotal = Long.parseLong(first.group(2).replace(",", ""));
            long lastDone = Long.parseLong(last.group(1).replace(",", ""));
            long lastTotal = Long.parseLong(last.group(2).replace(",", ""));
            assertThat(seen).as("progress states seen").hasSizeGreaterThanOrEqualTo(2);
            assertThat(seen.getFirst()).endsWith("false");
            assertThat(firstDone).as(seen.toString()).isLessThan(Math.max(firstTotal, 1));
            assertThat(lastTotal).isPositive();
            assertThat(lastDone).as(seen.toString()).isEqualTo(lastTotal);
            JsonNode shown = apiGet("/ops/bulk-runs/" + run);
            assertThat(shown.path("status").asString()).isEqualTo("FINISHED");
            assertThat(shown.path("total").asLong()).isEqualTo(lastTotal);
            screenshot("bulk-run-finished");
        } finally {
            stack.retailExpress().latency(InjectedLatency.none());
        }
    }

    @Test
    void everyPageFitsA1280By800WindowWithLabelledControls() throws Exception {
        // Something for the customer service to consume, so its group has committed offsets to show on the lag page.
        assertThat(putChangeSet(UUID.randomUUID().toString(), "Customer", 300001)).isEqualTo(201);
        for (String page : List.of("changesets", "entities", "bulk-runs", "dead-letters", "parked", "lag", "budget", "errors")) {
            open("#/" + page);
            wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.cssSelector("nav a[data-page='" + page + "']"), "aria-current", "page"));
            if (!page.equals("entities")) {
                wait(DEADLINE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main table caption")));
            }
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as(page + " wider than the window").isLessThanOrEqualTo(0);
            // Every form control has a label (by for= or by nesting) or an aria-label.
            Object unlabelled = ((JavascriptExecutor) browser).executeScript("""
                    return Array.from(document.querySelectorAll('main input, main select')).filter(function (c) {
                      return !(c.labels && c.labels.length) && !c.getAttribute('aria-label');
                    }).map(function (c) { return c.name; });""");
            assertThat((List<?>) unlabelled).as(page + " unlabelled controls").isEmpty();
            screenshot(page);
        }
        // The live lag page shows the sync services' groups.
        open("#/lag");
        wait(DEADLINE).until(d -> rowContaining(By.cssSelector("main table tbody tr"), "customer-sync-service") != null);
        wait(DEADLINE).until(ExpectedConditions.presenceOfElementLocated(By.id("total-lag")));
        screenshot("lag");
        open("#/budget");
        wait(DEADLINE).until(d -> rowContaining(By.cssSelector("main table tbody tr"), "minute") != null);
        screenshot("budget");
    }

    @Test
    void comparesRetailExpressWithMagentoShowsTheReportAndDownloadsIt() throws Exception {
        open("#/drift");
        wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.cssSelector("nav a[data-page='drift']"), "aria-current", "page"));
        browser.findElement(By.id("estimate-drift")).click();
        wait(DEADLINE).until(ExpectedConditions.textMatches(By.id("drift-cost"), Pattern.compile("Comparing all costs [0-9,]+ RE calls.*")));

        Instant clicked = Instant.now().minusSeconds(1);
        browser.findElement(By.id("compare-drift")).click();
        // The comparison runs in the gateway; the page shows its report when it is done, without a reload.
        JsonNode report = wait(Duration.ofSeconds(120)).until(d -> latestDriftReport()
                .filter(r -> !Instant.parse(r.path("startedAt").asString()).isBefore(clicked)).orElse(null));
        String id = report.path("id").asString();
        wait(DEADLINE).until(ExpectedConditions.textToBe(By.cssSelector("#drift-report h2"), "Report " + id));
        int items = report.path("items").size();
        wait(DEADLINE).until(d -> rowContaining(By.cssSelector("#drift-report table caption"), items + " differences") != null);
        assertThat(browser.findElements(By.cssSelector("#drift-report table")).getLast()
                .findElements(By.cssSelector("tbody tr"))).hasSize(Math.max(items, 1));

        browser.findElement(By.id("download-csv")).click();
        wait(DEADLINE).until(ExpectedConditions.textMatches(By.id("drift-download"),
                Pattern.compile("Downloaded " + Pattern.quote(id) + "\\.csv \\([1-9][0-9,]* bytes\\)\\.")));

        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("drift page wider than the window").isLessThanOrEqualTo(0);
        Object unlabelled = ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('main input, main select')).filter(function (c) {
                  return !(c.labels && c.labels.length) && !c.getAttribute('aria-label');
                }).map(function (c) { return c.name; });""");
        assertThat((List<?>) unlabelled).as("drift page unlabelled controls").isEmpty();
        screenshot("drift");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** Opens a console page, logging in first (with the operator token) when this tab holds no token. */
    private static void open(String hash) {
        if (!browser.getCurrentUrl().startsWith(console)) {
            browser.get(console);
        }
        Object token = ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('skylink.operatorToken')");
        if (token == null) {
            browser.get(console);
            waitFor(By.id("token")).sendKeys(LocalStack.OPERATOR_TOKEN, Keys.ENTER);
            wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        }
        browser.get(console + hash);
        wait(DEADLINE).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    private static WebElement waitFor(By locator) {
        return wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        // The views redraw while they are read: a row read mid-redraw is simply read again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** The first row matching {@code rows} whose text contains {@code text}, or null (so a wait tries again). */
    private static WebElement rowContaining(By rows, String text) {
        return browser.findElements(rows).stream().filter(row -> row.getText().contains(text)).findFirst().orElse(null);
    }

    private static void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the screenshot " + name, e);
        }
    }

    private static int putChangeSet(String changeSet, String type, int id) throws Exception {
        String body = "{\"Changesets\":[{\"ChangesetId\":\"" + changeSet + "\",\"UpdatedEntities\":[{\"Type\":\"" + type + "\",\"List\":[" + id + "]}]}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUri() + "/eds/notify?client_id=" + stack.clientId()
                        + "&channel_id=" + LocalStack.SALES_CHANNEL))
                .header("x-api-key", LocalStack.EDS_API_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }

    /** The gateway's last drift report, or empty while there is none (404). */
    private static java.util.Optional<JsonNode> latestDriftReport() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUri() + "/ops/drift/reports/latest"))
                .header("Authorization", "Bearer " + LocalStack.READ_ONLY_TOKEN).GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return java.util.Optional.empty();
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return java.util.Optional.of(JsonMapper.builder().build().readTree(response.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode apiGet(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUri() + path))
                .header("Authorization", "Bearer " + LocalStack.READ_ONLY_TOKEN).GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JsonMapper.builder().build().readTree(response.body());
        }
    }
}
