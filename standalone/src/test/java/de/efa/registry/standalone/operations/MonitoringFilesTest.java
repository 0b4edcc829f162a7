package de.efa.registry.standalone.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import de.efa.registry.testsupport.TestStore;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules, the scrape configuration and the Grafana dashboard parse, and every metric they name is one the
 * registry answers on {@code /actuator/prometheus} — a renamed meter breaks this test, not a silent alert.
 */
// Axon's meters, off in the standalone by default (application.yml), on as in the split deployment
@org.springframework.test.context.TestPropertySource(properties = "axon.metrics.auto-configuration.enabled=true")
class MonitoringFilesTest extends StandaloneHttpTestBase {

    private static final Path DOCKER = TestStore.projectRoot().resolve("docker");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "inf", "nan");
    /** Series Prometheus makes itself, not the registry. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Test
    @SuppressWarnings("unchecked")
    void theScrapeConfigurationScrapesBothSidesOnTheirManagementPorts() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(DOCKER.resolve("prometheus/prometheus.yml")));
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");

        assertThat(jobs).extracting(job -> job.get("job_name")).containsExactly("command-side", "query-side");
        assertThat(jobs).allSatisfy(job -> assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus"));
        assertThat((List<String>) config.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaIsProvisionedWithPrometheusAndTheDashboard() throws IOException {
        Map<String, Object> sources = new Yaml().load(
                Files.readString(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml")));
        Map<String, Object> dashboards = new Yaml().load(
                Files.readString(DOCKER.resolve("grafana/provisioning/dashboards/registry.yml")));

        assertThat((List<Map<String, Object>>) sources.get("datasources"))
                .anySatisfy(source -> assertThat(source).containsEntry("type", "prometheus"));
        assertThat((List<Map<String, Object>>) dashboards.get("providers"))
                .anySatisfy(provider -> assertThat(provider).containsEntry("type", "file"));
    }

    @Test
    void everyMetricOfTheAlertRulesAndTheDashboardIsServed() throws IOException {
        registerService("thueringen", "16", "EFA"); // a command, so the command bus and the HTTP meters exist
        String scrape = http.get("/actuator/prometheus").as("admin").send().body();

        List<String> expressions = new ArrayList<>(alertExpressions());
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(8);
        List<String> panels = dashboardExpressions();
        assertThat(panels).hasSizeGreaterThanOrEqualTo(8);
        expressions.addAll(panels);

        Set<String> metrics = new TreeSet<>();
        expressions.forEach(expression -> metrics.addAll(metricNames(expression)));
        assertThat(metrics).contains("registry_projection_lag_events", "http_server_requests_seconds_count",
                "jvm_memory_used_bytes");
        for (String metric : metrics) {
            assertThat(scrape).as("metric %s on /actuator/prometheus", metric)
                    .containsPattern("(?m)^" + Pattern.quote(metric) + "[{ ]");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions() throws IOException {
        Map<String, Object> alerts = new Yaml().load(Files.readString(DOCKER.resolve("prometheus/alerts.yml")));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) alerts.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
                expressions.add((String) rule.get("expr"));
            }
        }
        return expressions;
    }

    private static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/registry-dashboard.json").toFile());
        assertThat(dashboard.path("title").asText()).isNotBlank();
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        return expressions;
    }

    /** The metric names of a PromQL expression: identifiers outside label matchers, groupings, ranges and strings. */
    static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
            boolean number = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!function && !number && !PROMQL_WORDS.contains(name.toLowerCase()) && !PROMETHEUS_OWN.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
