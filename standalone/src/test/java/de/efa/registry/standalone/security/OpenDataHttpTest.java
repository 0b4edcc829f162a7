package de.efa.registry.standalone.security;

import de.efa.registry.standalone.RegistryApplication;
import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open data: with {@code registry.open-data.enabled} the open paths are readable without sign-in and rate-limited per
 * client address; without it they need sign-in like every other read. The interfaces themselves live elsewhere, so a
 * probe controller of this test stands in for them under {@code /dv/v1/test-probe}. The application trusts the local
 * proxy here ({@code server.forward-headers-strategy=native}), so each test speaks from a client address of its own
 * ({@code X-Forwarded-For}) and meets a fresh bucket of three requests per hour.
 */
class OpenDataHttpTest {

    /**
     * Stands in for the Dashboard data API: one read and one write under an open path. A test component: only the
     * contexts below that name it have it, component scanning leaves it out of every other test's registry.
     */
    @TestComponent
    @RestController
    static class ProbeController {

        @GetMapping(path = "/dv/v1/test-probe", produces = "application/json")
        Map<String, String> read() {
            return Map.of("probe", "read");
        }

        @PostMapping(path = "/dv/v1/test-probe", produces = "application/json")
        Map<String, String> write() {
            return Map.of("probe", "written");
        }
    }

    @Nested
    @SpringBootTest(classes = {RegistryApplication.class, ProbeController.class},
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class Open {

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            RegistryTestProperties.register(registry);
            registry.add("registry.open-data.enabled", () -> "true");
            registry.add("registry.open-data.rate-limit.capacity", () -> "3");
            registry.add("registry.open-data.rate-limit.period", () -> "1h");
            registry.add("server.forward-headers-strategy", () -> "native");
        }

        @LocalServerPort
        int port;
        RawHttp http;

        @BeforeEach
        void client() {
            http = new RawHttp(port);
        }

        private RawHttp.Answer read(String client) {
            return http.get("/dv/v1/test-probe").header("X-Forwarded-For", client).send();
        }

        @Test
        void anonymousReadsAreServedWithTheLimitInTheHeaders() {
            RawHttp.Answer answer = read("203.0.113.1");
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.json()).containsEntry("probe", "read");
            assertThat(answer.header("RateLimit-Limit")).isEqualTo("3");
            assertThat(answer.header("RateLimit-Remaining")).isEqualTo("2");
            assertThat(Long.parseLong(answer.header("RateLimit-Reset"))).isBetween(1L, 3600L);
        }

        @Test
        void signedInCallersReadTooAndShareTheirAddressesBucket() {
            RawHttp.Answer answer = http.get("/dv/v1/test-probe").as("analyst").header("X-Forwarded-For", "203.0.113.2").send();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("RateLimit-Remaining")).isEqualTo("2");
        }

        @Test
        void theRequestAfterTheCapacityIsA429ProblemAndAnotherAddressHasItsOwnBucket() {
            for (int i = 2; i >= 0; i--) {
                RawHttp.Answer answer = read("203.0.113.3");
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.header("RateLimit-Remaining")).isEqualTo(Integer.toString(i));
            }
            RawHttp.Answer refused = read("203.0.113.3");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json()).containsEntry("type", "https://efa-registry.de/problems/too-many-requests")
                    .containsEntry("status", 429).containsKey("requestId");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
            assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
            assertThat(refused.header("RateLimit-Limit")).isEqualTo("3");

            RawHttp.Answer other = read("203.0.113.4");
            assertThat(other.status()).isEqualTo(200);
            assertThat(other.header("RateLimit-Remaining")).isEqualTo("2");
        }

        @Test
        void writesToOpenPathsStayRefused() {
            RawHttp.Answer anonymous = http.post("/dv/v1/test-probe").header("X-Forwarded-For", "203.0.113.5")
                    .json(Map.of()).send();
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.json()).containsEntry("type", "https://efa-registry.de/problems/unauthenticated");
            RawHttp.Answer admin = http.post("/dv/v1/test-probe").as("admin").header("X-Forwarded-For", "203.0.113.5")
                    .json(Map.of()).send();
            assertThat(admin.status()).isEqualTo(403);
            assertThat(http.method("DELETE", "/fit-connect/v1/routes").header("X-Forwarded-For", "203.0.113.5").send()
                    .status()).isEqualTo(401);
        }

        @Test
        void theOpenPathsAreReachableWithoutSignInAndAnswerTheirOwnStatus() {
            // no regions on this branch yet: the path is open, so the answer is the application's 404, not a 401
            RawHttp.Answer region = http.get("/api/v1/regions/010510000000").header("X-Forwarded-For", "203.0.113.6").send();
            assertThat(region.status()).isEqualTo(404);
            assertThat(region.header("RateLimit-Limit")).isEqualTo("3");
        }

        @Test
        void everyOtherPathIsAsBefore() {
            RawHttp.Answer services = http.get("/api/v1/services").header("X-Forwarded-For", "203.0.113.7").send();
            assertThat(services.status()).isEqualTo(401);
            assertThat(services.header("RateLimit-Limit")).isNull();
            assertThat(http.get("/api/v1/authorities").header("X-Forwarded-For", "203.0.113.7").send().status())
                    .isEqualTo(401);
            RawHttp.Answer signedIn = http.get("/api/v1/services").as("analyst").send();
            assertThat(signedIn.status()).isEqualTo(200);
            assertThat(signedIn.header("RateLimit-Limit")).isNull();
            assertThat(http.get("/api/v1/stats/maturity").as("thueringen").send().status()).isEqualTo(403);
        }
    }

    @Nested
    @SpringBootTest(classes = {RegistryApplication.class, ProbeController.class},
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class Closed {

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            RegistryTestProperties.register(registry);
            registry.add("registry.open-data.enabled", () -> "false");
        }

        @LocalServerPort
        int port;

        @Test
        void theOpenPathsNeedSignInAndAreNotRateLimited() {
            RawHttp http = new RawHttp(port);
            RawHttp.Answer anonymous = http.get("/dv/v1/test-probe").send();
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("RateLimit-Limit")).isNull();
            assertThat(http.get("/api/v1/regions/010510000000").send().status()).isEqualTo(401);
            assertThat(http.get("/fit-connect/v1/routes").send().status()).isEqualTo(401);
            for (int i = 0; i < 130; i++) {
                RawHttp.Answer signedIn = http.get("/dv/v1/test-probe").as("analyst").send();
                assertThat(signedIn.status()).isEqualTo(200);
                assertThat(signedIn.header("RateLimit-Limit")).isNull();
            }
            assertThat(http.post("/dv/v1/test-probe").as("admin").json(Map.of()).send().status()).isEqualTo(403);
        }
    }
}
