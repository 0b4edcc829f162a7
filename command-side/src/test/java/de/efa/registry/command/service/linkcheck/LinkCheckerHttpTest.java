package de.efa.registry.command.service.linkcheck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.efa.registry.command.CommandSideApplication;
import de.efa.registry.command.support.RegistryHttp;
import de.efa.registry.kernel.common.RegistryMetaData;
import de.efa.registry.kernel.service.OnlineStatus;
import de.efa.registry.kernel.service.VersionOnlineStatusChanged;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The link checker against a local site that first answers (HEAD refused with 405, GET redirected to a page that
 * answers 200) and then fails with 500: ok is recorded, then nicht ok, and further rounds that see the same record
 * nothing. The rounds run every 100 ms.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LinkCheckerHttpTest {

    private static final HttpServer SITE = site();
    private static final AtomicBoolean FAILING = new AtomicBoolean();
    private static final AtomicInteger HEADS = new AtomicInteger();
    private static final AtomicInteger RETIRED_PROBES = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
        registry.add("registry.link-checker.enabled", () -> "true");
        registry.add("registry.link-checker.interval", () -> "100ms");
        registry.add("registry.link-checker.timeout", () -> "5s");
        registry.add("registry.link-checker.concurrency", () -> "2");
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    EventStore eventStore;

    private static HttpServer site() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/antrag", LinkCheckerHttpTest::antrag);
            server.createContext("/start", exchange -> answer(exchange, FAILING.get() ? 500 : 200));
            server.createContext("/retired", exchange -> {
                RETIRED_PROBES.incrementAndGet();
                answer(exchange, 200);
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HEAD is refused (the checker falls back to GET); GET is redirected to the start page. */
    private static void antrag(HttpExchange exchange) throws IOException {
        if ("HEAD".equals(exchange.getRequestMethod())) {
            HEADS.incrementAndGet();
            answer(exchange, FAILING.get() ? 500 : 405);
            return;
        }
        exchange.getResponseHeaders().add("Location", "/start");
        answer(exchange, FAILING.get() ? 500 : 302);
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @AfterAll
    static void stopSite() {
        SITE.stop(0);
    }

    @Test
    void recordsOkThenNichtOkAndNothingWhileTheStatusStays() {
        RegistryHttp http = new RegistryHttp(rest);
        ResponseEntity<Map> registered = http.post("thueringen", "/api/v1/services",
                Map.of("leikaKey", "99100000000077", "name", "Hundesteuer", "providingState", "16", "reuse", "EFA"));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String serviceId = (String) registered.getBody().get("serviceId");
        String url = "http://127.0.0.1:" + SITE.getAddress().getPort() + "/antrag";
        assertThat(http.post("thueringen", "/api/v1/services/" + serviceId + "/versions",
                Map.of("version", "1.0.0", "maturityLevel", 3, "releasedOn", "2022-01-01", "url", url))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // a retired version is no longer probed (it may have been while it was active, rounds run all the time), a
        // version without a URL has nothing to probe
        String site = "http://127.0.0.1:" + SITE.getAddress().getPort();
        ResponseEntity<Map> other = http.post("thueringen", "/api/v1/services",
                Map.of("leikaKey", "99100000000078", "name", "Hundesteuer alt", "providingState", "16", "reuse", "EFA"));
        String otherId = (String) other.getBody().get("serviceId");
        assertThat(http.post("thueringen", "/api/v1/services/" + otherId + "/versions", Map.of("version", "1.0.0",
                "maturityLevel", 3, "releasedOn", "2022-01-01", "url", site + "/retired")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.post("thueringen", "/api/v1/services/" + otherId + "/versions/1.0.0/retirement",
                Map.of("retiredOn", "2022-06-01")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.post("thueringen", "/api/v1/services/" + otherId + "/versions", Map.of("version", "2.0.0",
                "maturityLevel", 3, "releasedOn", "2022-01-01")).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(statusChanges(serviceId)).extracting(VersionOnlineStatusChanged::status)
                        .containsExactly(OnlineStatus.OK));
        VersionOnlineStatusChanged ok = statusChanges(serviceId).get(0);
        assertThat(ok.checkedBy()).isEqualTo("link-checker");
        assertThat(ok.detail()).isEqualTo("GET answered HTTP 200");
        assertThat(principals(serviceId)).containsOnly("link-checker");

        FAILING.set(true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(statusChanges(serviceId)).extracting(VersionOnlineStatusChanged::status)
                        .containsExactly(OnlineStatus.OK, OnlineStatus.NOT_OK));
        // a round may be between its HEAD (refused with 405 before the switch) and its GET when the site starts failing
        assertThat(statusChanges(serviceId).get(1).detail()).isIn("HEAD answered HTTP 500", "GET answered HTTP 500");

        // two more probes: the round of the first of them has recorded what it saw before the second one started
        int heads = HEADS.get();
        int retiredProbes = RETIRED_PROBES.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> HEADS.get() >= heads + 2);
        assertThat(statusChanges(serviceId)).hasSize(2);
        assertThat(RETIRED_PROBES).as("probes of the retired version in two rounds").hasValue(retiredProbes);
    }

    private List<VersionOnlineStatusChanged> statusChanges(String serviceId) {
        return eventStore.readEvents(serviceId).asStream().map(DomainEventMessage::getPayload)
                .filter(VersionOnlineStatusChanged.class::isInstance).map(VersionOnlineStatusChanged.class::cast).toList();
    }

    private List<Object> principals(String serviceId) {
        return eventStore.readEvents(serviceId).asStream()
                .filter(e -> e.getPayload() instanceof VersionOnlineStatusChanged)
                .map(e -> e.getMetaData().get(RegistryMetaData.PRINCIPAL)).toList();
    }
}
