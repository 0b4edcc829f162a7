package de.efa.registry.standalone.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.registry.standalone.RegistryApplication;
import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one switch for JSON logs ({@code logging.structured.format.console=ecs}, as README documents it): each log line
 * is a JSON document, and one written while a request runs carries its request id; the log line of an unexpected
 * failure names the request (method, path, id) in its message too.
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=ecs")
@Import(StructuredLoggingHttpTest.Failing.class)
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @LocalServerPort
    int port;

    /**
     * Spring Boot sets up logging once per JVM and leaves it to the next application only after a context closes;
     * the contexts other test classes cached stay open. Clearing that mark lets this test's application set up its
     * logging from its own properties, as it does when it is the only one in the JVM — the operated case.
     */
    @BeforeAll
    static void letThisApplicationSetUpLogging() {
        LoggingSystem.get(StructuredLoggingHttpTest.class.getClassLoader()).cleanUp();
    }

    /** The next test application sets up logging again from its own properties (plain lines). */
    @AfterAll
    static void letTheNextApplicationSetUpLogging() {
        LoggingSystem.get(StructuredLoggingHttpTest.class.getClassLoader()).cleanUp();
    }

    @Test
    void anUnexpectedFailureIsLoggedAsJsonNamingTheRequest(CapturedOutput output) {
        RawHttp.Answer answer = new RawHttp(port).get(Failing.PATH).as("analyst")
                .header("X-Request-Id", "structured-1").send();

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json()).containsEntry("requestId", "structured-1");
        JsonNode line = await().atMost(Duration.ofSeconds(10)).until(() -> failureLine(output), Optional::isPresent).get();
        assertThat(line.path("log").path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("requestId").asText()).isEqualTo("structured-1");
        assertThat(line.path("message").asText())
                .isEqualTo("Unexpected failure in GET " + Failing.PATH + " (request structured-1)");
        assertThat(line.path("error").path("stack_trace").asText()).contains("IllegalStateException", "deliberately");
    }

    private static Optional<JsonNode> failureLine(CapturedOutput output) {
        return output.getOut().lines().filter(l -> l.startsWith("{") && l.contains("Unexpected failure"))
                .map(StructuredLoggingHttpTest::parse).findFirst();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    /**
     * An endpoint that fails as no refusal would: the path the problem advice logs at ERROR. A router function of
     * this test's own configuration, not a scanned controller, so no other test's application has it.
     */
    @TestConfiguration
    static class Failing {

        static final String PATH = "/api/v1/test-only/failure";

        @Bean
        RouterFunction<ServerResponse> failingEndpoint() {
            return RouterFunctions.route().GET(PATH, request -> {
                throw new IllegalStateException("deliberately broken for the test");
            }).build();
        }
    }
}
