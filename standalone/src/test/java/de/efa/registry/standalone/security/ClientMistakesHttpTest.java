package de.efa.registry.standalone.security;

import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes a real client makes that a lenient reading would have turned into stored nonsense or a confusing answer:
 * dates in another form than {@code YYYY-MM-DD}, a second adoption overlapping one that ends ahead, ids in capitals,
 * a missing query parameter.
 */
class ClientMistakesHttpTest extends StandaloneHttpTestBase {

    @Test
    void aPathNothingIsServedAtIsA404ThatNamesThePath() {
        RawHttp.Answer answer = http.get("/api/v1/no-such-list").as("analyst").send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(404);
        assertThat(answer.json()).containsEntry("type", "https://efa-registry.de/problems/not-found")
                .containsEntry("detail", "Nothing is served at /api/v1/no-such-list here");
    }

    @Test
    void aDateInABodyIsOnlyEverYearMonthDay() {
        // Jackson alone read 20240101 as days since 1970 (the year 57385), [2024,1,1] as a date and a date-time as its day
        for (Object signedOn : List.of(20240101, -1, List.of(2024, 1, 1), "2024-01-01T00:00:00Z", "2024-01-01T10:15:30",
                "2024-1-1", "01.01.2024", "+2024-01-01", "2023-02-29")) {
            long before = eventCount();
            RawHttp.Answer refused = http.post("/api/v1/cooperations").as("thueringen")
                    .json(map("name", "Kooperation", "foundingStates", List.of("16", "09"), "signedOn", signedOn)).send();

            assertThat(refused.status()).as("signedOn %s: %s", signedOn, refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(errors(refused)).as("signedOn %s", signedOn)
                    .containsExactly(Map.of("field", "signedOn", "message", "must be a date that exists, written YYYY-MM-DD"));
            assertThat(eventCount()).as("signedOn %s stored nothing", signedOn).isEqualTo(before);
        }
        RawHttp.Answer founded = http.post("/api/v1/cooperations").as("thueringen")
                .json(map("name", "Kooperation", "foundingStates", List.of("16", "09"), "signedOn", "2024-02-29")).send();
        assertThat(founded.status()).as("%s", founded).isEqualTo(201);
        RawHttp.Answer read = http.get("/api/v1/cooperations/" + founded.json().get("cooperationId")).as("analyst")
                .header("Registry-Min-Position", founded.header("Registry-Position")).send();
        assertThat(read.body()).contains("\"2024-02-29\"");
    }

    @Test
    void aValueOfAnotherKindIsNotConvertedIntoTheFieldsKind() {
        // Jackson alone stored "name": 123 as the text "123", "reuse": 0 as the first reuse model and took
        // "maturityLevel": "3" as the number 3
        String serviceId = registerService("thueringen", "16", "EFA");
        Map<String, Object> wrongKinds = Map.of(
                "name", 123, "leikaKey", 99123456789012L, "reuse", 0);
        for (Map.Entry<String, Object> wrong : wrongKinds.entrySet()) {
            Map<String, Object> body = map("leikaKey", freshLeikaKey(), "name", "Dienst", "providingState", "16", "reuse", "EFA");
            body.put(wrong.getKey(), wrong.getValue());
            RawHttp.Answer refused = http.post("/api/v1/services").as("thueringen").json(body).send();
            assertThat(refused.status()).as("%s: %s", wrong, refused).isEqualTo(400);
            assertThat(errors(refused)).extracting(e -> e.get("field")).as("%s", wrong).containsExactly(wrong.getKey());
        }
        RawHttp.Answer textLevel = http.post("/api/v1/services/" + serviceId + "/versions").as("thueringen")
                .json(map("version", "1.0.0", "maturityLevel", "3", "releasedOn", "2022-01-01")).send();
        assertThat(textLevel.status()).as("%s", textLevel).isEqualTo(400);
        assertThat(errors(textLevel)).extracting(e -> e.get("field")).containsExactly("maturityLevel");
    }

    @Test
    void anAdoptionEndingAheadLeavesNoRoomForASecondOneBeforeItsEnd() {
        String serviceId = registerService("thueringen", "16", "EFA");
        publish("thueringen", serviceId, "1.0.0");
        String first = adopt("thueringen", serviceId, "16072011");
        RawHttp.Answer terminated = http.post("/api/v1/adoptions/" + first + "/termination").as("thueringen")
                .json(map("endsOn", "2025-12-31")).send();
        assertThat(terminated.status()).as("%s", terminated).isEqualTo(200);

        RawHttp.Answer overlapping = http.post("/api/v1/adoptions").as("thueringen")
                .json(map("serviceId", serviceId, "ags", "16072011", "effectiveFrom", "2025-06-01")).send();
        assertThat(overlapping.status()).as("%s", overlapping).isEqualTo(409);
        assertThat((String) overlapping.json().get("detail")).contains(first, "2025-12-31");

        RawHttp.Answer following = http.post("/api/v1/adoptions").as("thueringen")
                .json(map("serviceId", serviceId, "ags", "16072011", "effectiveFrom", "2025-12-31")).send();
        assertThat(following.status()).as("%s", following).isEqualTo(201);
        for (String day : List.of("2025-06-01", "2025-12-30", "2025-12-31", "2026-06-01")) {
            RawHttp.Answer lookup = http.get("/api/v1/lookup/16072011?asOf=" + day).as("analyst")
                    .header("Registry-Min-Position", following.header("Registry-Position")).send();
            assertThat(lookup.body().split(serviceId, -1)).as("the service on %s: %s", day, lookup).hasSize(2);
        }
    }

    @Test
    void noVersionServesAMunicipalityBeforeItsRelease() {
        String serviceId = registerService("thueringen", "16", "EFA");
        publish("thueringen", serviceId, "1.0.0"); // released on 2022-01-01

        long before = eventCount();
        RawHttp.Answer early = http.post("/api/v1/adoptions").as("thueringen")
                .json(map("serviceId", serviceId, "ags", "16072013", "effectiveFrom", "2021-12-31")).send();
        assertThat(early.status()).as("%s", early).isEqualTo(422);
        assertThat((String) early.json().get("type")).endsWith("/date-before-release");
        assertThat(eventCount()).isEqualTo(before);

        RawHttp.Answer onTheDay = http.post("/api/v1/adoptions").as("thueringen")
                .json(map("serviceId", serviceId, "ags", "16072013", "effectiveFrom", "2022-01-01")).send();
        assertThat(onTheDay.status()).as("%s", onTheDay).isEqualTo(201);
    }

    @Test
    void aRequestSentAgainWithTheSameKeyIsTheSameRequestHoweverItsJsonIsSpaced() {
        String leikaKey = freshLeikaKey();
        RawHttp.Answer first = http.post("/api/v1/services").as("sachsen").header("Idempotency-Key", "retry-" + leikaKey)
                .body("application/json", "{\"leikaKey\":\"" + leikaKey + "\",\"name\":\"Dienst\",\"providingState\":\"14\","
                        + "\"reuse\":\"EFA\"}").send();
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        long after = eventCount();

        RawHttp.Answer again = http.post("/api/v1/services").as("sachsen").header("Idempotency-Key", "retry-" + leikaKey)
                .body("application/json; charset=UTF-8", "{ \"reuse\": \"EFA\",\n  \"providingState\": \"14\",\n  \"name\": \"Dienst\","
                        + "\n  \"leikaKey\": \"" + leikaKey + "\" }\n").send();
        assertThat(again.status()).as("%s", again).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(eventCount()).isEqualTo(after);

        RawHttp.Answer other = http.post("/api/v1/services").as("sachsen").header("Idempotency-Key", "retry-" + leikaKey)
                .body("application/json", "{\"leikaKey\":\"" + leikaKey + "\",\"name\":\"Anderer Dienst\",\"providingState\":\"14\","
                        + "\"reuse\":\"EFA\"}").send();
        assertThat(other.status()).as("%s", other).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(after);

        // a field named twice is not the first request with its last value: no replay of that request's answer
        RawHttp.Answer twice = http.post("/api/v1/services").as("sachsen").header("Idempotency-Key", "retry-" + leikaKey)
                .body("application/json", "{\"name\":\"Anderer Dienst\",\"leikaKey\":\"" + leikaKey + "\",\"name\":\"Dienst\","
                        + "\"providingState\":\"14\",\"reuse\":\"EFA\"}").send();
        assertThat(twice.header("Idempotent-Replayed")).as("%s", twice).isNull();
        assertThat(twice.status()).as("%s", twice).isIn(400, 422);
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void anIdInCapitalsNamesTheSameRecord() {
        String serviceId = registerService("thueringen", "16", "EFA");
        RawHttp.Answer published = http.post("/api/v1/services/" + serviceId.toUpperCase(Locale.ROOT) + "/versions")
                .as("thueringen").json(map("version", "1.0.0", "maturityLevel", 3, "releasedOn", "2022-01-01")).send();
        assertThat(published.status()).as("%s", published).isEqualTo(201);

        RawHttp.Answer read = http.get("/api/v1/services/" + serviceId.toUpperCase(Locale.ROOT)).as("analyst")
                .header("Registry-Min-Position", published.header("Registry-Position")).send();
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.json()).containsEntry("serviceId", serviceId);
        assertThat(history(serviceId)).hasSize(2);
    }

    @Test
    void aMissingQueryParameterIsNamedWithoutJavaTypes() {
        String cooperationId = foundCooperation("thueringen", List.of("16", "09"));

        RawHttp.Answer refused = http.delete("/api/v1/cooperations/" + cooperationId + "/members/09").as("admin").send();

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(errors(refused)).containsExactly(Map.of("field", "leftOn", "message", "is required"));
        assertThat((String) refused.json().get("detail")).isEqualTo("Parameter 'leftOn' is required");
    }

    @Test
    void anEmptyDirectoryIsNotCalledBadJson() {
        RawHttp.Answer refused = http.post("/api/v1/admin/municipalities/import").as("admin").body("text/plain", new byte[0]).send();

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat((String) refused.json().get("detail")).doesNotContain("JSON");
    }

    @Test
    void theSharedDefaultsReachTheLogging() {
        // registry-defaults.properties joins the environment before logging is set up, so its levels apply
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        assertThat(logging.getLoggerConfiguration("org.axonframework.modelling.command.AbstractRepository").getEffectiveLevel())
                .isEqualTo(LogLevel.ERROR);
        assertThat(logging.getLoggerConfiguration("org.mongodb.driver").getEffectiveLevel()).isEqualTo(LogLevel.WARN);
        assertThat(logging.getLoggerConfiguration("org.springdoc.core.events.SpringDocAppInitializer").getEffectiveLevel())
                .isEqualTo(LogLevel.ERROR);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(RawHttp.Answer answer) {
        return (List<Map<String, Object>>) answer.json().get("errors");
    }
}
