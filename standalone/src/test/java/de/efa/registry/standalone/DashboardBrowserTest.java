package de.efa.registry.standalone;

import de.efa.registry.testsupport.RegistryTestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The analyst dashboard in a real browser: Debian's headless chromium, driven through chromedriver, against the
 * standalone with the demo data. Every chart must show exactly what the JSON API answers; the lookup must find
 * Erfurt and show the service it takes from Bavaria. Screenshots go to {@code target/}.
 * <p>
 * Without chromium and chromedriver the test fails rather than skips: CI installs them ({@code .ci/run}), and a
 * silently skipped browser test would let a broken page through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTest {

    private static final String CHROMIUM = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final List<String> PANELS = List.of("coverage-by-state", "coverage-by-district", "cross-border", "timeline", "maturity", "reuse");

    private static ChromeDriver browser;
    private static Path profile;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
        registry.add("registry.demo.seed", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @BeforeAll
    static void startBrowser() throws IOException {
        for (String executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(executable))) {
                fail(executable + " is missing: the dashboard browser test needs Debian's chromium and chromedriver "
                        + "(apt-get install -y chromium chromium-driver, as .ci/run does), "
                        + "or CHROME_BIN / CHROMEDRIVER_BIN pointing at them");
            }
        }
        profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--user-data-dir=" + profile, "--lang=de-DE");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // an explicit driver executable: Selenium Manager must not go looking on the network
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void demoDataIsProjected() {
        // the seed writes synchronously at start-up; the projections follow asynchronously
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<Map<String, Object>> projections = http.withBasicAuth("admin", "demo").exchange("/api/v1/admin/projections",
                    HttpMethod.GET, null, new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
                    }).getBody();
            assertThat(projections).isNotEmpty().allSatisfy(p -> {
                assertThat(p).containsEntry("status", "LIVE");
                assertThat(((Number) p.get("lag")).longValue()).isZero();
                assertThat(((Number) p.get("headPosition")).longValue()).isPositive();
            });
        });
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    @AfterEach
    void printBrowserConsole() {
        // what the page logged (CSP violations, script errors) is the first thing to read when this test fails
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            System.out.println("[chromium] " + entry.getLevel() + " " + entry.getMessage());
        }
    }

    @Test
    void everyChartShowsWhatTheApiAnswers() throws IOException {
        openAndLogIn();
        waitForPanels();

        Map<String, Object> byState = api("/api/v1/stats/coverage?groupBy=state");
        assertCoverage("coverageByState", byState);
        assertThat(text("#coverage-by-state .source")).contains("Statistisches Bundesamt (Destatis)").contains((String) byState.get("source"));

        assertThat(panel("coverage-by-district").getDomAttribute("data-query")).contains("state=16");
        assertCoverage("coverageByDistrict", api("/api/v1/stats/coverage?groupBy=district&state=16"));
        assertThat(text("#coverage-by-district .source")).contains("Destatis");

        assertCrossBorder(api("/api/v1/stats/cross-border"));
        assertTimeline(api("/api/v1/stats/timeline?" + panel("timeline").getDomAttribute("data-query")));
        assertMaturity(api("/api/v1/stats/maturity"));
        assertReuse(api("/api/v1/stats/reuse"));

        // German number formats on the axes: 45,3 % and 1.234.567
        assertThat(script("return dashboard.charts.coverageByState.getOption().yAxis[0].axisLabel.formatter(0.453)"))
                .isEqualTo("45,3\u00a0%");
        assertThat(script("return dashboard.charts.timeline.getOption().yAxis[0].axisLabel.formatter(1234567)"))
                .isEqualTo("1.234.567");

        waitUntilPainted();
        screenshot("dashboard.png");
        browser.manage().window().setSize(new Dimension(1280, pageHeight()));
        waitUntilPainted();
        screenshot("dashboard-full.png");

        // narrow: one column, every chart as wide as the screen allows
        browser.manage().window().setSize(new Dimension(400, 800));
        new WebDriverWait(browser, PATIENCE).until(d -> ((Number) script(
                "return Math.max(...Object.values(dashboard.charts).map(c => c.getWidth()))")).intValue() < 400);
        waitUntilPainted();
        screenshot("dashboard-narrow.png");
        assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(400);
    }

    @Test
    void theServicePickerFiltersTheCoverageViews() {
        openAndLogIn();
        waitForPanels();
        String ummeldung = serviceId("Ummeldung (Wohnsitz)");

        new Select(browser.findElement(By.id("service-filter"))).selectByValue(ummeldung);
        new WebDriverWait(browser, PATIENCE).until(d -> PANELS.subList(0, 2).stream().allMatch(id ->
                "ready".equals(panel(id).getDomAttribute("data-state"))
                        && panel(id).getDomAttribute("data-query").contains("serviceId=" + ummeldung)));

        Map<String, Object> byState = api("/api/v1/stats/coverage?groupBy=state&serviceId=" + ummeldung);
        assertCoverage("coverageByState", byState);
        assertCoverage("coverageByDistrict", api("/api/v1/stats/coverage?groupBy=district&state=16&serviceId=" + ummeldung));
        // the filter changed something: Bavaria's coverage by Ummeldung differs from its coverage by any service
        assertThat(byState).isNotEqualTo(api("/api/v1/stats/coverage?groupBy=state"));
    }

    @Test
    void aStichtagShowsTheFiguresOfThatDayLiveAndPlanned() {
        openAndLogIn();
        waitForPanels();
        assertThat(browser.findElement(By.id("stats-as-of")).getDomProperty("value")).as("today by default")
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/Berlin")).toString());

        // on 1 December 2022 Thuringia's Wohngeld adoptions (from 1 May 2023) were recorded but not yet live
        script("const f = document.getElementById('stats-as-of'); f.value = '2022-12-01';"
                + " f.dispatchEvent(new Event('change'));");
        List<String> asOfPanels = List.of("coverage-by-state", "coverage-by-district", "cross-border", "maturity", "reuse");
        new WebDriverWait(browser, PATIENCE).until(d -> asOfPanels.stream().allMatch(id ->
                "ready".equals(panel(id).getDomAttribute("data-state"))
                        && panel(id).getDomAttribute("data-query").contains("asOf=2022-12-01")));

        Map<String, Object> byState = api("/api/v1/stats/coverage?groupBy=state&asOf=2022-12-01");
        assertThat(list(byState.get("rows"))).anySatisfy(row -> assertThat(map(row))
                .containsEntry("key", "16").extracting(r -> ((Number) r.get("planned")).intValue()).isNotEqualTo(0));
        assertCoverage("coverageByState", byState);
        assertCoverage("coverageByDistrict", api("/api/v1/stats/coverage?groupBy=district&state=16&asOf=2022-12-01"));
        assertCrossBorder(api("/api/v1/stats/cross-border?asOf=2022-12-01"));
        assertMaturity(api("/api/v1/stats/maturity?asOf=2022-12-01"));
        assertThat(byState).isNotEqualTo(api("/api/v1/stats/coverage?groupBy=state"));
    }

    @Test
    void theLookupFindsErfurtAndShowsTheServiceFromBavaria() throws IOException {
        openAndLogIn();
        WebElement query = browser.findElement(By.id("lookup-query"));
        query.clear();
        query.sendKeys("Erfurt");
        WebElement erfurt = new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#lookup-matches button[data-ags='16051000']")));
        erfurt.click();
        WebElement lookup = browser.findElement(By.id("lookup"));
        new WebDriverWait(browser, PATIENCE).until(d -> "ready".equals(lookup.getDomAttribute("data-state"))
                && "16051000".equals(lookup.getDomAttribute("data-ags")));

        String asOf = browser.findElement(By.id("lookup-date")).getDomProperty("value");
        Map<String, Object> expected = api("/api/v1/lookup/16051000?asOf=" + asOf);
        List<Map<String, Object>> services = list(expected.get("services"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#lookup-result tbody tr"));
        assertThat(rows).extracting(r -> r.getDomAttribute("data-service-id"))
                .containsExactlyElementsOf(services.stream().map(s -> (String) s.get("serviceId")).toList());
        assertThat(rows).extracting(r -> Boolean.parseBoolean(r.getDomAttribute("data-cross-border")))
                .containsExactlyElementsOf(services.stream().map(s -> (Boolean) s.get("crossBorder")).toList());
        // the authority responsible for each service there, as the API names it
        assertThat(rows).extracting(r -> r.getDomAttribute("data-authority-id"))
                .containsExactlyElementsOf(services.stream().map(s -> s.get("authority") == null ? ""
                        : (String) ((Map<?, ?>) s.get("authority")).get("authorityId")).toList());
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector("td.authority")).getText())
                .containsExactlyElementsOf(services.stream().map(s -> s.get("authority") == null ? "–"
                        : (String) ((Map<?, ?>) s.get("authority")).get("name")).toList());

        WebElement fromBavaria = browser.findElement(By.cssSelector("#lookup-result tr[data-cross-border='true']"));
        assertThat(fromBavaria.getText()).contains("Ummeldung (Wohnsitz)").contains("Bayern").contains("länderübergreifend")
                .contains("Stadtverwaltung Erfurt - Bürgeramt");
        Files.write(target("dashboard-lookup.png"), lookup.getScreenshotAs(OutputType.BYTES));

        // another day, another answer: before 2022-06-01 Erfurt did not yet take the Ummeldung from Bavaria
        WebElement date = browser.findElement(By.id("lookup-date"));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = '2022-05-31'; arguments[0].dispatchEvent(new Event('change'))", date);
        new WebDriverWait(browser, PATIENCE).until(d -> "2022-05-31".equals(lookup.getDomAttribute("data-as-of"))
                && "ready".equals(lookup.getDomAttribute("data-state")));
        assertThat(browser.findElements(By.cssSelector("#lookup-result tr[data-cross-border='true']"))).isEmpty();
        assertThat(text("#lookup-result")).contains("31.05.2022");
    }

    @Test
    void aWrongPasswordShowsTheFormsOwnMessage() {
        browser.get(url("/dashboard"));
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        logIn("analyst", "wrong");
        WebElement error = new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getText()).contains("Benutzername oder Passwort falsch");
        assertThat(browser.findElement(By.id("board")).isDisplayed()).isFalse();
    }

    @Test
    void aTokenAloneIsSentWithoutAUserName() {
        browser.get(url("/dashboard"));
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        browser.findElement(By.id("login-user")).clear();
        browser.findElement(By.cssSelector("#login-form summary")).click();
        browser.findElement(By.id("login-token")).sendKeys("not-a-token-this-registry-accepts");
        browser.findElement(By.id("login-submit")).click();
        // the form was sent: the registry (HTTP Basic here) refused the token, and the form says so
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getText()).isNotBlank().doesNotContain("Bitte Benutzername");
        browser.findElement(By.id("login-token")).clear();
        browser.findElement(By.id("login-submit")).click();
        wait.until(d -> d.findElement(By.id("login-error")).getText().contains("Bitte Benutzername"));
    }

    /**
     * How fast it is ready is a figure for a benchmark on a quiet machine, not an assertion here: on CI's two shared
     * cores one slow reload says more about the machine than about the page. The times are printed for the log.
     */
    @Test
    void theReloadedDashboardIsReadyAgainWithoutASecondLogin() {
        openAndLogIn();
        waitForPanels();
        List<Double> loads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            browser.navigate().refresh(); // the session keeps the credentials: no second login
            loads.add(new WebDriverWait(browser, PATIENCE)
                    .until(d -> (Number) script("return window.dashboard && window.dashboard.readyAt")).doubleValue());
            waitForPanels();
        }
        System.out.println("[dashboard] ready " + loads + " ms after navigation");
        assertThat(loads).allSatisfy(readyAt -> assertThat(readyAt).isPositive());
    }

    @Test
    void thePageAndEChartsNeedNoCredentialsButTheStatisticsDo() {
        ResponseEntity<String> page = http.getForEntity("/dashboard", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("/dashboard/dashboard.js");
        assertThat(http.getForEntity("/webjars/echarts/dist/echarts.min.js", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> plain = http.getForEntity("/api/v1/stats/maturity", String.class);
        assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(plain.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

        HttpHeaders script = new HttpHeaders();
        script.set("X-Requested-With", "XMLHttpRequest");
        ResponseEntity<String> fromScript = http.exchange("/api/v1/stats/maturity", HttpMethod.GET, new HttpEntity<>(script), String.class);
        assertThat(fromScript.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(fromScript.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
    }

    // --- the charts against the API ---

    private void assertCoverage(String chart, Map<String, Object> expected) {
        List<Map<String, Object>> rows = list(expected.get("rows"));
        assertThat(rows).isNotEmpty();
        Map<String, Object> drawn = drawn(chart);
        assertThat(drawn.get("x")).isEqualTo(rows.stream().map(r -> r.get("key")).toList());
        // live below, planned stacked above it
        assertThat(numbers(objects(drawn.get("series")).get(0).get("data")))
                .isEqualTo(rows.stream().map(r -> ((Number) r.get("coverage")).doubleValue()).toList());
        assertThat(numbers(objects(drawn.get("series")).get(1).get("data")))
                .isEqualTo(rows.stream().map(r -> ((Number) r.get("coveragePlanned")).doubleValue()).toList());
    }

    private void assertCrossBorder(Map<String, Object> expected) {
        List<Map<String, Object>> rows = list(expected.get("rows"));
        assertThat(rows).isNotEmpty();
        Map<String, Object> drawn = drawn("crossBorder");
        List<Object> x = list(drawn.get("x"));
        List<Object> y = list(drawn.get("y"));
        List<List<Double>> cells = list(objects(drawn.get("series")).get(0).get("data")).stream().map(DashboardBrowserTest::numbers).toList();
        assertThat(cells).containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> List.of(
                (double) x.indexOf(r.get("adoptingState")), (double) y.indexOf(r.get("providingState")),
                ((Number) r.get("adoptions")).doubleValue())).toList());
        assertThat(cells).allSatisfy(cell -> assertThat(cell.get(0)).isNotNegative());
    }

    private void assertTimeline(Map<String, Object> expected) {
        List<Map<String, Object>> rows = list(expected.get("rows"));
        assertThat(rows).isNotEmpty();
        Map<String, Object> drawn = drawn("timeline");
        assertThat(drawn.get("x")).isEqualTo(rows.stream().map(r -> r.get("period")).toList());
        List<Map<String, Object>> series = list(drawn.get("series"));
        for (int i = 0; i < 3; i++) {
            String column = List.of("started", "ended", "active").get(i);
            assertThat(numbers(series.get(i).get("data"))).as(column)
                    .isEqualTo(rows.stream().map(r -> ((Number) r.get(column)).doubleValue()).toList());
        }
        assertThat(rows.get(rows.size() - 1).get("active")).as("the demo's adoptions are active today").isEqualTo(14);
    }

    private void assertMaturity(Map<String, Object> expected) {
        List<Map<String, Object>> rows = list(expected.get("rows"));
        assertThat(rows).isNotEmpty();
        Map<String, Object> drawn = drawn("maturity");
        List<Object> states = list(drawn.get("x"));
        List<Map<String, Object>> series = list(drawn.get("series"));
        double total = 0;
        for (Map<String, Object> row : rows) {
            Map<String, Object> level = series.stream().filter(s -> ("Reifegrad " + row.get("level")).equals(s.get("name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no series for level " + row.get("level")));
            assertThat(numbers(level.get("data")).get(states.indexOf(row.get("providingState"))))
                    .isEqualTo(((Number) row.get("services")).doubleValue());
            total += ((Number) row.get("services")).doubleValue();
        }
        // nothing drawn that the API did not say
        assertThat(series.stream().flatMap(s -> numbers(s.get("data")).stream()).mapToDouble(Double::doubleValue).sum()).isEqualTo(total);
    }

    private void assertReuse(Map<String, Object> expected) {
        List<Map<String, Object>> rows = list(expected.get("rows"));
        assertThat(rows).as("the demo's EFA services").hasSize(4);
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("name", "Elterngeld")
                .containsEntry("statesOfferedTo", 15).containsEntry("statesInterested", 1).containsEntry("agreementsSigned", 1));
        Map<String, Object> drawn = drawn("reuse");
        assertThat(drawn.get("x")).isEqualTo(rows.stream().map(r -> r.get("serviceId")).toList());
        List<Map<String, Object>> series = list(drawn.get("series"));
        List<String> columns = List.of("statesOfferedTo", "statesInterested", "agreementsSigned", "municipalitiesLive",
                "municipalitiesPlanned");
        assertThat(series).hasSize(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            assertThat(numbers(series.get(i).get("data"))).as(column)
                    .isEqualTo(rows.stream().map(r -> ((Number) r.get(column)).doubleValue()).toList());
        }
    }

    /** Category axes and series data as ECharts holds them after rendering. */
    private Map<String, Object> drawn(String chart) {
        return map(script("""
                const o = dashboard.charts[arguments[0]].getOption();
                return {x: o.xAxis[0].data, y: o.yAxis[0].data || null,
                        series: o.series.map(s => ({name: s.name, data: s.data}))};""", chart));
    }

    // --- browser helpers ---

    private void openAndLogIn() {
        browser.get(url("/dashboard"));
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(d -> d.findElement(By.id("login")).isDisplayed() || d.findElement(By.id("board")).isDisplayed());
        if (browser.findElement(By.id("login")).isDisplayed()) {
            logIn("analyst", "demo");
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
        assertThat(text("#who-name")).isEqualTo("analyst");
    }

    private void logIn(String user, String password) {
        WebElement name = browser.findElement(By.id("login-user"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    private void waitForPanels() {
        new WebDriverWait(browser, PATIENCE).until(d -> PANELS.stream().allMatch(id -> "ready".equals(panel(id).getDomAttribute("data-state"))));
    }

    /** ECharts animates; a screenshot waits for the animation to finish. */
    private void waitUntilPainted() {
        new WebDriverWait(browser, PATIENCE).until(d -> PANELS.stream().allMatch(id -> "true".equals(panel(id).getDomAttribute("data-painted"))));
    }

    private int pageHeight() {
        return ((Number) script("return document.documentElement.scrollHeight")).intValue() + 140;
    }

    private WebElement panel(String id) {
        return browser.findElement(By.id(id));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void screenshot(String name) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path target(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        return target;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    // --- the API, as the analyst sees it ---

    private Map<String, Object> api(String path) {
        ResponseEntity<Map> answer = http.withBasicAuth("analyst", "demo").getForEntity(path, Map.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return map(answer.getBody());
    }

    private String serviceId(String name) {
        return objects(api("/api/v1/services?size=500").get("items")).stream().filter(s -> name.equals(s.get("name")))
                .map(s -> (String) s.get("serviceId")).findFirst().orElseThrow();
    }

    /** JSON numbers arrive as Integer, Long or Double depending on the path; compare them as doubles. */
    private static List<Double> numbers(Object values) {
        List<Double> out = new ArrayList<>();
        for (Object value : (List<?>) values) {
            out.add(((Number) value).doubleValue());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        return (List<T>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
