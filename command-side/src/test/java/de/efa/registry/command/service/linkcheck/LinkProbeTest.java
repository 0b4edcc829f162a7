package de.efa.registry.command.service.linkcheck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.efa.registry.kernel.service.OnlineStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** One probe against a local site: what each kind of answer (or its absence) means. */
class LinkProbeTest {

    private HttpServer site;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final ExecutorService siteThreads = Executors.newCachedThreadPool();
    private LinkProbe probe;

    @BeforeEach
    void start() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.setExecutor(siteThreads);
        site.createContext("/ok", exchange -> answer(exchange, 200));
        site.createContext("/not-modified", exchange -> answer(exchange, 304));
        site.createContext("/gone", exchange -> answer(exchange, 404));
        site.createContext("/no-head", exchange -> answer(exchange, "HEAD".equals(exchange.getRequestMethod()) ? 501 : 200));
        site.createContext("/no-head-broken", exchange -> answer(exchange, "HEAD".equals(exchange.getRequestMethod()) ? 405 : 503));
        site.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            answer(exchange, 301);
        });
        site.createContext("/slow", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200);
        });
        site.start();
        probe = new LinkProbe(Duration.ofMillis(500), threads);
    }

    private void answer(HttpExchange exchange, int status) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @AfterEach
    void stop() {
        release.countDown();
        site.stop(0);
        threads.shutdownNow();
        siteThreads.shutdownNow();
    }

    private ProbeResult probe(String path) {
        return probe.probe(URI.create("http://127.0.0.1:" + site.getAddress().getPort() + path)).join();
    }

    @Test
    void aSuccessfulHeadIsOkWithoutAGet() {
        assertThat(probe("/ok")).isEqualTo(new ProbeResult(OnlineStatus.OK, "HEAD answered HTTP 200"));
        assertThat(requests).containsExactly("HEAD /ok");
    }

    @Test
    void redirectsAreFollowed() {
        assertThat(probe("/moved")).isEqualTo(new ProbeResult(OnlineStatus.OK, "HEAD answered HTTP 200"));
        assertThat(requests).containsExactly("HEAD /moved", "HEAD /ok");
    }

    @Test
    void aThreeHundredAnswerLeftOverIsOk() {
        assertThat(probe("/not-modified").status()).isEqualTo(OnlineStatus.OK);
    }

    @Test
    void aClientOrServerErrorIsNichtOk() {
        assertThat(probe("/gone")).isEqualTo(new ProbeResult(OnlineStatus.NOT_OK, "HEAD answered HTTP 404"));
    }

    @Test
    void aRefusedHeadFallsBackToGet() {
        assertThat(probe("/no-head")).isEqualTo(new ProbeResult(OnlineStatus.OK, "GET answered HTTP 200"));
        assertThat(probe("/no-head-broken")).isEqualTo(new ProbeResult(OnlineStatus.NOT_OK, "GET answered HTTP 503"));
        assertThat(requests).containsExactly("HEAD /no-head", "GET /no-head", "HEAD /no-head-broken", "GET /no-head-broken");
    }

    @Test
    void noAnswerWithinTheTimeoutIsNichtOk() {
        assertThat(probe("/slow")).isEqualTo(new ProbeResult(OnlineStatus.NOT_OK, "no answer within the timeout"));
    }

    @Test
    void aRefusedConnectionIsNichtOk() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProbeResult result = probe.probe(URI.create("http://127.0.0.1:" + closedPort + "/")).join();
        assertThat(result.status()).isEqualTo(OnlineStatus.NOT_OK);
        assertThat(result.detail()).startsWith("connection failed");
    }
}
