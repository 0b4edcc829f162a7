package de.efa.registry.standalone.reliability;

import de.efa.registry.standalone.RegistryApplication;
import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StoreProxy;
import de.efa.registry.testsupport.RegistryTestProperties;
import de.efa.registry.testsupport.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the store cannot be reached, the registry says so: commands and reads answer 503 {@code store-unavailable}
 * with {@code Retry-After} (not a 500, and not after a minute), readiness goes down, and everything works again on
 * its own once the store is back. The store is taken away by cutting a TCP relay in front of the test store.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreOutageHttpTest {

    private static final StoreProxy STORE = StoreProxy.to(TestStore.uri());
    private static final String STORE_UNAVAILABLE = "https://efa-registry.de/problems/store-unavailable";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
        registry.add("registry.mongodb.uri", STORE::connectionString);
    }

    @LocalServerPort
    int port;

    @AfterEach
    void storeBack() {
        STORE.restore();
    }

    @Test
    void withoutItsStoreTheRegistryAnswers503AndRecoversWhenTheStoreIsBack(CapturedOutput log) {
        RawHttp http = new RawHttp(port);
        assertThat(register(http, "99600000000001").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/actuator/health/readiness").send().status() == 200);

        STORE.cut();

        RawHttp.Answer command = register(http, "99600000000002");
        assertThat(command.status()).as("%s", command).isEqualTo(503);
        assertThat(command.header("Content-Type")).startsWith("application/problem+json");
        assertThat(command.json()).containsEntry("type", STORE_UNAVAILABLE);
        assertThat(command.header("Retry-After")).isEqualTo("5");
        RawHttp.Answer read = http.get("/api/v1/audit/events?limit=1").as("auditor").send();
        assertThat(read.status()).as("%s", read).isEqualTo(503);
        assertThat(read.json()).containsEntry("type", STORE_UNAVAILABLE);
        RawHttp.Answer keyed = http.post("/api/v1/services").as("thueringen").header("Idempotency-Key", "outage-1")
                .json(service("99600000000003")).send();
        assertThat(keyed.status()).as("a command whose idempotency record cannot be read: %s", keyed).isEqualTo(503);
        assertThat(keyed.json()).containsEntry("type", STORE_UNAVAILABLE);
        assertThat(keyed.header("Retry-After")).isEqualTo("5");
        assertThat(log.getOut() + log.getErr()).as("503s logged in a line each, not by the servlet container")
                .contains("Store unavailable").doesNotContain("Servlet.service()");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> http.get("/actuator/health/readiness").send().status() == 503);

        STORE.restore();

        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/actuator/health/readiness").send().status() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> register(http, "99600000000002").status() == 201);
        assertThat(http.get("/api/v1/audit/events?limit=1").as("auditor").send().status()).isEqualTo(200);
    }

    private static RawHttp.Answer register(RawHttp http, String leikaKey) {
        return http.post("/api/v1/services").as("thueringen").json(service(leikaKey)).send();
    }

    private static Map<String, String> service(String leikaKey) {
        return Map.of("leikaKey", leikaKey, "name", "Wohngeld", "providingState", "16", "reuse", "EFA");
    }
}
