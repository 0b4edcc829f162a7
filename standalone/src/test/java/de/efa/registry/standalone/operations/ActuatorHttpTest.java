package de.efa.registry.standalone.operations;

import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What operations read: health with details for ADMIN only, the build and commit, Axon's and the registry's meters. */
// Axon's meters, off in the standalone by default (application.yml), on as in the split deployment
@org.springframework.test.context.TestPropertySource(properties = "axon.metrics.auto-configuration.enabled=true")
class ActuatorHttpTest extends StandaloneHttpTestBase {

    @Test
    void anonymousCallersSeeTheHealthStatusOnly() {
        RawHttp.Answer health = http.get("/actuator/health").send();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "UP").doesNotContainKey("components");
    }

    @Test
    void aCallerWithoutAdminRoleSeesTheHealthStatusOnly() {
        assertThat(http.get("/actuator/health").as("analyst").send().json()).doesNotContainKey("components");
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminSeesTheHealthComponents() {
        RawHttp.Answer health = http.get("/actuator/health").as("admin").send();

        assertThat(health.status()).isEqualTo(200);
        Map<String, Object> components = (Map<String, Object>) health.json().get("components");
        assertThat(components).containsKeys("store", "diskSpace");
        assertThat((Map<String, Object>) components.get("diskSpace")).containsKey("details");
    }

    @Test
    void infoNamesTheBuildAndTheCommit() {
        RawHttp.Answer info = http.get("/actuator/info").send();

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json()).containsKey("build");
        // the build's git-commit-id plugin writes git.properties where a .git directory exists (not in a source archive)
        if (new ClassPathResource("git.properties").exists()) {
            assertThat(info.json()).containsKey("git");
        }
    }

    @Test
    void axonsCommandBusMetricsAppearAfterACommand() {
        registerService("thueringen", "16", "EFA");

        String scrape = http.get("/actuator/prometheus").as("admin").send().body();

        assertThat(scrape).containsPattern("(?m)^commandBus_\\w+\\{[^}]*payloadType=\"RegisterService\"");
        assertThat(scrape).contains("registry_projection_lag_events{", "registry_projection_position{",
                "registry_projection_rebuild_progress_ratio{", "registry_events_head_position ",
                "registry_events_gaps_waiting ");
        assertThat(scrape).doesNotContain("registry_events_head_position_events", "registry_projection_position_events");
    }
}
