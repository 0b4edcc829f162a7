package de.efa.registry.standalone.security;

import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Security headers, size limits, no user enumeration, loopback by default, no secret default in the code path. */
class HardeningHttpTest extends StandaloneHttpTestBase {

    @Autowired
    Environment environment;
    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void everyAnswerCarriesTheStandardSecurityHeaders() {
        for (RawHttp.Answer answer : List.of(
                http.get("/api/v1/services").as("analyst").send(),
                http.get("/api/v1/services").send(),
                http.get("/api/v1/services/not-a-uuid").as("analyst").send(),
                http.post("/api/v1/services").as("thueringen").body("application/json", "{").send())) {
            assertThat(answer.header("X-Content-Type-Options")).as("%s", answer).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as("%s", answer).isEqualTo("DENY");
            assertThat(answer.header("Cache-Control")).as("%s", answer).contains("no-store");
            assertThat(answer.header("Content-Security-Policy")).as("%s", answer).contains("default-src 'self'", "frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).as("%s", answer).isEqualTo("no-referrer");
            assertThat(answer.header("Server")).as("no server banner").isNull();
            assertThat(answer.header("X-Powered-By")).isNull();
            assertThat(answer.header("Set-Cookie")).as("stateless: no session cookie").isNull();
        }
    }

    @Test
    void unknownUsersAndWrongPasswordsLookTheSame() {
        // one request id for all four: the answers' bodies may differ in nothing else
        List<RawHttp.Answer> refused = List.of(
                http.get("/api/v1/services").as("admin", "wrong").header("X-Request-Id", "same").send(),
                http.get("/api/v1/services").as("nobody", "demo").header("X-Request-Id", "same").send(),
                http.get("/api/v1/services").as("nobody", "wrong").header("X-Request-Id", "same").send(),
                http.get("/api/v1/services").header("Authorization", "Basic !!!notbase64").header("X-Request-Id", "same").send());
        for (RawHttp.Answer answer : refused) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(refused.get(0).body());
            assertThat(answer.header("WWW-Authenticate")).isEqualTo(refused.get(0).header("WWW-Authenticate"));
            assertThat(answer.header("Content-Type")).isEqualTo(refused.get(0).header("Content-Type"));
        }
        assertThat(refused.get(0).body()).doesNotContainIgnoringCase("admin").doesNotContainIgnoringCase("password")
                .doesNotContainIgnoringCase("user");
    }

    @Test
    void requestsAreBoundedInSize() {
        byte[] overLimit = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(overLimit, (byte) ' ');
        RawHttp.Answer body = http.post("/api/v1/services").as("thueringen").body("application/json", overLimit).send();
        assertThat(body.status()).isEqualTo(413);
        assertThat(body.header("Content-Type")).startsWith("application/problem+json");
        // an anonymous caller is refused before the server reads (or buffers) its body
        assertThat(http.post("/api/v1/services").body("application/json", overLimit).send().status()).isEqualTo(401);
        RawHttp.Answer header = http.get("/api/v1/services").as("analyst").header("X-Padding", "x".repeat(64 * 1024)).send();
        assertThat(header.status()).isBetween(400, 431);
        assertThat(header.body()).doesNotContain("Exception", "Tomcat");
    }

    @Test
    void theStandaloneListensOnLoopbackUnlessToldOtherwise() throws IOException {
        // the standalone's own configuration file, not what a test or the environment made of it
        Map<String, Object> defaults = new org.springframework.boot.env.YamlPropertySourceLoader()
                .load("standalone", new org.springframework.core.io.FileSystemResource(
                        standaloneModule().resolve("src/main/resources/application.yml")))
                .get(0).getSource() instanceof Map<?, ?> map ? castMap(map) : Map.of();
        assertThat(String.valueOf(defaults.get("server.address"))).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");

        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(((InetAddress) connector.getProperty("address")).isLoopbackAddress()).isTrue();
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
        if (external.isPresent()) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), port), 2_000);
                }
            }).as("reachable from %s", external.get()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theDemoPasswordComesOnlyFromConfiguration() throws IOException {
        // the shared defaults never carry a credential; the standalone's own file names the public demo password
        java.util.Properties shared = PropertiesLoaderUtils.loadProperties(new ClassPathResource("registry-defaults.properties"));
        assertThat(shared.stringPropertyNames()).noneMatch(name -> name.contains("password") || name.contains("secret"));
        assertThat(environment.getProperty("registry.demo.password")).isEqualTo("demo");
    }

    private static java.nio.file.Path standaloneModule() {
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        return java.nio.file.Files.exists(here.resolve("src/main/resources/application.yml")) && here.endsWith("standalone")
                ? here : here.resolve("standalone");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
