package de.efa.registry.standalone.operations;

import de.efa.registry.standalone.RegistryApplication;
import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code management.server.port} (the split deployment's {@code MANAGEMENT_SERVER_PORT}) moves the actuator off the
 * port the gateway forwards; there it is guarded as before: the status for everyone, the rest for ADMIN.
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
@AutoConfigureObservability(tracing = false)
class ManagementPortHttpTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void theApiPortServesNoActuator() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(new RawHttp(port).get("/actuator/health").send().status()).isEqualTo(404);
        assertThat(new RawHttp(port).get("/actuator/prometheus").as("admin").send().status()).isEqualTo(404);
    }

    @Test
    void theManagementPortAnswersHealthToEveryoneAndItsDetailsToAdmin() {
        RawHttp management = new RawHttp(managementPort);

        RawHttp.Answer anonymous = management.get("/actuator/health").send();
        RawHttp.Answer admin = management.get("/actuator/health").as("admin").send();

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json()).containsEntry("status", "UP").doesNotContainKey("components");
        assertThat(admin.json()).containsKey("components");
        assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(200);
    }

    @Test
    void theManagementPortServesMetricsToAdminOnly() {
        RawHttp management = new RawHttp(managementPort);

        assertThat(management.get("/actuator/prometheus").send().status()).isEqualTo(401);
        assertThat(management.get("/actuator/prometheus").as("analyst").send().status()).isEqualTo(403);
        RawHttp.Answer scrape = management.get("/actuator/prometheus").as("admin").send();
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("registry_events_head_position");
    }
}
