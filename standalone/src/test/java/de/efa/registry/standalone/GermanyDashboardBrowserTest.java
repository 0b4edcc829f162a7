package de.efa.registry.standalone;

import de.efa.registry.testsupport.RegistryTestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard with the Germany seed (the whole directory, the adoptions of 2 % of each state's municipalities):
 * the district chart, state by state, draws every district of Germany, and the cross-border matrix all 16 states —
 * what the small demo, with four states and a handful of districts, cannot show. Needs Debian's chromium and
 * chromedriver, like {@link DashboardBrowserTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GermanyDashboardBrowserTest {

    private static final String CHROMIUM = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The directory's 400 districts (the two areas in no district, 07000 and 13000, are no district row). */
    private static final int DISTRICT_ROWS = 400;

    private static ChromeDriver browser;
    private static Path profile;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
        registry.add("registry.demo.seed", () -> "germany");
        registry.add("registry.demo.germany.scale", () -> "0.02");
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @BeforeAll
    static void startBrowser() throws IOException {
        for (String executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(executable))) {
                fail(executable + " is missing: install chromium and chromium-driver, as .ci/run does");
            }
        }
        profile = Files.createTempDirectory("germany-dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600", "--user-data-dir=" + profile, "--lang=de-DE");
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

    @Test
    void theDistrictChartCoversEveryDistrictAndTheMatrixEveryState() throws IOException {
        // the seed wrote while the context started; the projections follow, ~20,000 events behind
        await().atMost(Duration.ofMinutes(5)).untilAsserted(() -> {
            List<Map<String, Object>> projections = http.withBasicAuth("admin", "demo").exchange("/api/v1/admin/projections",
                    HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
                    }).getBody();
            assertThat(projections).isNotEmpty().allSatisfy(p -> {
                assertThat(p).containsEntry("status", "LIVE");
                assertThat(((Number) p.get("lag")).longValue()).isZero();
            });
        });

        // what the API answers: 16 states, the districts of each, cross-border adoptions between all 16 states
        List<Map<String, Object>> states = rows(api("/api/v1/stats/coverage?groupBy=state"));
        assertThat(states).hasSize(16);
        Map<String, List<Object>> districtsByState = new TreeMap<>();
        for (Map<String, Object> state : states) {
            districtsByState.put((String) state.get("key"), rows(api("/api/v1/stats/coverage?groupBy=district&state=" + state.get("key")))
                    .stream().map(r -> r.get("key")).toList());
        }
        assertThat(districtsByState.values().stream().mapToInt(List::size).sum()).isEqualTo(DISTRICT_ROWS);
        List<Map<String, Object>> matrix = rows(api("/api/v1/stats/cross-border"));
        assertThat(matrix.stream().map(r -> r.get("adoptingState")).distinct()).as("adopting states").hasSize(16);
        assertThat(matrix.stream().map(r -> r.get("providingState")).distinct()).as("providing states").hasSize(16);

        // what the browser draws
        openAndLogIn();
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(d -> List.of("coverage-by-state", "coverage-by-district", "cross-border").stream()
                .allMatch(id -> "ready".equals(d.findElement(By.id(id)).getDomAttribute("data-state"))));
        assertThat(list(drawn("coverageByState").get("x"))).hasSize(16);
        Map<String, Object> crossBorder = drawn("crossBorder");
        assertThat(list(crossBorder.get("x"))).as("adopting states").hasSize(16);
        assertThat(list(crossBorder.get("y"))).as("providing states").hasSize(16);

        Select picker = new Select(browser.findElement(By.id("state-filter")));
        assertThat(picker.getOptions()).extracting(o -> o.getDomProperty("value")).containsExactlyElementsOf(districtsByState.keySet());
        int drawnDistricts = 0;
        for (Map.Entry<String, List<Object>> state : districtsByState.entrySet()) {
            picker.selectByValue(state.getKey());
            WebElement panel = browser.findElement(By.id("coverage-by-district"));
            wait.until(d -> "ready".equals(panel.getDomAttribute("data-state"))
                    && panel.getDomAttribute("data-query").contains("state=" + state.getKey()));
            List<Object> x = list(drawn("coverageByDistrict").get("x"));
            assertThat(x).as("districts of state %s", state.getKey()).isEqualTo(state.getValue());
            drawnDistricts += x.size();
        }
        assertThat(drawnDistricts).isEqualTo(DISTRICT_ROWS);

        picker.selectByValue("09");
        WebElement panel = browser.findElement(By.id("coverage-by-district"));
        wait.until(d -> panel.getDomAttribute("data-query").contains("state=09") && "ready".equals(panel.getDomAttribute("data-state")));
        // Bavaria's 96 districts: a slider over 24 bars at a time, not 96 labels on top of each other
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return dashboard.charts.coverageByDistrict.getOption().dataZoom.map(z => z.type)")).isEqualTo(List.of("slider", "inside"));
        // sixteen states side by side: two letters each
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return dashboard.charts.crossBorder.getOption().xAxis[0].axisLabel.formatter('09')")).isEqualTo("BY");
        wait.until(d -> "true".equals(panel.getDomAttribute("data-painted")));
        Path target = Path.of("target", "dashboard-germany.png");
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private void openAndLogIn() {
        browser.get("http://127.0.0.1:" + port + "/dashboard");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(d -> d.findElement(By.id("login")).isDisplayed() || d.findElement(By.id("board")).isDisplayed());
        if (browser.findElement(By.id("login")).isDisplayed()) {
            browser.findElement(By.id("login-user")).clear();
            browser.findElement(By.id("login-user")).sendKeys("analyst");
            browser.findElement(By.id("login-password")).sendKeys("demo");
            browser.findElement(By.id("login-submit")).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
    }

    /** Category axes and series data as ECharts holds them after rendering. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> drawn(String chart) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const o = dashboard.charts[arguments[0]].getOption();
                return {x: o.xAxis[0].data, y: o.yAxis[0].data || null};""", chart);
    }

    private Map<String, Object> api(String path) {
        ResponseEntity<Map> answer = http.withBasicAuth("analyst", "demo").getForEntity(path, Map.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> answer) {
        return new ArrayList<>((List<Map<String, Object>>) answer.get("rows"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
