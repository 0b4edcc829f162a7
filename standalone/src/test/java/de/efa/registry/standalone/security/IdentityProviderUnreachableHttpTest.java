package de.efa.registry.standalone.security;

import de.efa.registry.standalone.RegistryApplication;
import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code issuer-uri} the registry fetches the identity provider's keys when the first token arrives. While the
 * provider does not answer, no token can be checked: that is a 503 the client may retry, not a 500 with a stack
 * trace in the log per request.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityProviderUnreachableHttpTest {

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
        registry.add("registry.security.mode", () -> "jwt");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://127.0.0.1:" + closedPort() + "/realms/efa");
    }

    @LocalServerPort
    int port;

    @Test
    void whileTheIdentityProviderDoesNotAnswerATokenGets503(CapturedOutput log) {
        RawHttp http = new RawHttp(port);
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbmFseXN0IiwiaXNzIjoiaHR0cDovL2lkcC9yZWFsbXMvZWZhIn0.c2lnbmF0dXJl";
        RawHttp.Answer answer = http.get("/api/v1/services").bearer(token).send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json()).containsEntry("type", "https://efa-registry.de/problems/authentication-unavailable");
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(http.get("/api/v1/services").send().status()).as("without a token: still a 401").isEqualTo(401);
        assertThat(log.getOut() + log.getErr()).as("one line per request, no stack trace")
                .contains("Cannot check tokens").doesNotContain("Servlet.service()").doesNotContain("\tat org.");
    }

    /** A port nothing listens on (taken and given back at once). */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
