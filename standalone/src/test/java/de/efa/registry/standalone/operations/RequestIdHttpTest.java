package de.efa.registry.standalone.operations;

import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer names its request: the caller's harmless {@code X-Request-Id}, or a new one; problems carry it too. */
class RequestIdHttpTest extends StandaloneHttpTestBase {

    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void theCallersRequestIdIsEchoed() {
        RawHttp.Answer answer = http.get("/actuator/health").header("X-Request-Id", "gw-4711.a_b").send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Request-Id")).isEqualTo("gw-4711.a_b");
    }

    @Test
    void aRequestWithoutAnIdGetsANewOne() {
        String first = http.get("/actuator/health").send().header("X-Request-Id");
        String second = http.get("/actuator/health").send().header("X-Request-Id");

        assertThat(first).matches(UUID_FORM);
        assertThat(second).matches(UUID_FORM).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "x;y=1", "{\"id\":1}", "<script>", "%0d%0aSet-Cookie:x",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void aHostileOrOverlongIdIsReplacedByANewOne(String hostile) {
        RawHttp.Answer answer = http.get("/actuator/health").header("X-Request-Id", hostile).send();

        assertThat(answer.header("X-Request-Id")).matches(UUID_FORM);
    }

    @Test
    void aMalformedBodyProblemCarriesTheRequestId() {
        assertProblemCarriesTheRequestId(400, id -> http.post("/api/v1/services").as("thueringen")
                .header("X-Request-Id", id).body("application/json", "{not json").send());
    }

    @Test
    void theSecurityFiltersUnauthorizedProblemCarriesTheRequestId() {
        assertProblemCarriesTheRequestId(401, id -> http.get("/api/v1/services").header("X-Request-Id", id).send());
    }

    @Test
    void theSecurityFiltersForbiddenProblemCarriesTheRequestId() {
        assertProblemCarriesTheRequestId(403, id -> http.post("/api/v1/services").as("analyst")
                .header("X-Request-Id", id).json(Map.of("leikaKey", freshLeikaKey(), "name", "Dienst",
                        "providingState", "16", "reuse", "EFA")).send());
    }

    @Test
    void aNotFoundProblemCarriesTheRequestId() {
        assertProblemCarriesTheRequestId(404, id -> http.get("/api/v1/nothing-is-served-here").as("analyst")
                .header("X-Request-Id", id).send());
    }

    @Test
    void theErrorControllersProblemCarriesTheRequestId() {
        // asked for directly, the error controller answers 404: nothing is served at /error (issue #28)
        assertProblemCarriesTheRequestId(404, id -> http.get("/error").header("X-Request-Id", id).send());
    }

    @Test
    void theFirewallsProblemCarriesTheRequestId() {
        assertProblemCarriesTheRequestId(400, id -> http.get("/api/v1/services;jsessionid=1").as("analyst")
                .header("X-Request-Id", id).send());
    }

    @Test
    void aProblemWithoutACallersIdCarriesTheOneMadeForIt() {
        RawHttp.Answer answer = http.get("/api/v1/services").send();

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("requestId")).isEqualTo(answer.header("X-Request-Id"));
    }

    private void assertProblemCarriesTheRequestId(int status, Function<String, RawHttp.Answer> call) {
        String id = UUID.randomUUID().toString();
        RawHttp.Answer answer = call.apply(id);

        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("X-Request-Id")).isEqualTo(id);
        assertThat(answer.json()).as("%s", answer).containsEntry("requestId", id);
    }
}
