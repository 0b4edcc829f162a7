package de.efa.registry.standalone.reliability;

import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash between storing a keyed request's events and remembering its answer leaves the key reserved and
 * unanswered. Once the reservation has expired, a repeat must not carry the request out a second time: it learns
 * that it was carried out (409 {@code request-already-carried-out}, with the position of its last event). A request
 * that died before storing anything runs again. The crash is reproduced by putting the record back to the state it
 * leaves: reserved, unanswered, older than the expiry.
 */
class IdempotencyAfterCrashHttpTest extends StandaloneHttpTestBase {

    @Test
    void aRequestWhoseAnswerWasLostIsNotCarriedOutAgain() {
        String name = "Kooperation nach Absturz " + freshLeikaKey();
        Map<String, Object> body = Map.of("name", name, "foundingStates", List.of("16", "14"), "signedOn", "2021-03-01");
        RawHttp.Answer first = found("crash-1-" + name.hashCode(), body);
        assertThat(first.status()).as("%s", first).isEqualTo(201);

        answerLostInACrash("thueringen/crash-1-" + name.hashCode());

        RawHttp.Answer repeat = found("crash-1-" + name.hashCode(), body);
        assertThat(repeat.status()).as("%s", repeat).isEqualTo(409);
        assertThat(repeat.json()).containsEntry("type", "https://efa-registry.de/problems/request-already-carried-out");
        assertThat(repeat.header("Registry-Position")).isEqualTo(first.header("Registry-Position"));
        assertThat(cooperationsNamed(name, repeat.header("Registry-Position"))).as("the cooperation was founded once")
                .isEqualTo(1);
        assertThat(found("crash-1-" + name.hashCode(), body).status()).as("and so it stays").isEqualTo(409);
    }

    @Test
    void aRequestThatDiedBeforeStoringAnythingRunsAgain() {
        String name = "Kooperation vor Absturz " + freshLeikaKey();
        Map<String, Object> body = Map.of("name", name, "foundingStates", List.of("16", "09"), "signedOn", "2021-03-01");
        String id = "thueringen/crash-2-" + name.hashCode();
        // the reservation a request that died at once leaves: its fingerprint is the one of this request, so take it
        // from a first run and then remove what that run stored
        RawHttp.Answer first = found("crash-2-" + name.hashCode(), body);
        assertThat(first.status()).isEqualTo(201);
        answerLostInACrash(id);
        registryDatabase.getCollection("events").deleteMany(new Document("metaData.idempotencyKey", id));

        RawHttp.Answer again = found("crash-2-" + name.hashCode(), body);
        assertThat(again.status()).as("nothing of it was stored, so it runs: %s", again).isEqualTo(201);
    }

    @Test
    void withinTheExpiryARepeatIsToldToWait() {
        String name = "Kooperation in Arbeit " + freshLeikaKey();
        Map<String, Object> body = Map.of("name", name, "foundingStates", List.of("16", "09"), "signedOn", "2021-03-01");
        String key = "crash-4-" + name.hashCode();
        assertThat(found(key, body).status()).isEqualTo(201);
        registryDatabase.getCollection("write_idempotency").updateOne(new Document("_id", "thueringen/" + key),
                new Document("$set", new Document("state", "PENDING").append("createdAt", new Date())));

        RawHttp.Answer repeat = found(key, body);
        assertThat(repeat.status()).as("%s", repeat).isEqualTo(409);
        assertThat(repeat.json()).containsEntry("detail", "A request with this Idempotency-Key is still being processed");
        assertThat(repeat.header("Retry-After")).isEqualTo("10");
    }

    @Test
    void everyAdoptionOfAKeyedBulkRequestCarriesTheKey() {
        String serviceId = registerService("thueringen", "16", "EFA");
        publish("thueringen", serviceId, "1.0.0");
        String key = "bulk-" + serviceId;
        RawHttp.Answer bulk = http.post("/api/v1/adoptions/bulk").as("thueringen").header("Idempotency-Key", key)
                .json(Map.of("serviceId", serviceId, "effectiveFrom", "2023-07-01", "district", "16072")).send();
        assertThat(bulk.status()).as("%s", bulk).isEqualTo(200);
        int accepted = ((Number) bulk.json().get("accepted")).intValue();
        assertThat(accepted).isGreaterThan(1);
        assertThat(registryDatabase.getCollection("events")
                .countDocuments(new Document("metaData.idempotencyKey", "thueringen/" + key)))
                .as("the bulk's adoptions are found by its key after a crash").isEqualTo(accepted);
    }

    private RawHttp.Answer found(String key, Map<String, Object> body) {
        return http.post("/api/v1/cooperations").as("thueringen").header("Idempotency-Key", key).json(body).send();
    }

    /** What a crash after the events and before the answer leaves: the key reserved, unanswered, and by now expired. */
    private void answerLostInACrash(String id) {
        registryDatabase.getCollection("write_idempotency").updateOne(new Document("_id", id),
                new Document("$set", new Document("state", "PENDING").append("createdAt", longAgo()))
                        .append("$unset", new Document("status", "").append("body", "").append("position", "")));
    }

    private static Date longAgo() {
        return Date.from(Instant.now().minus(Duration.ofMinutes(6)));
    }

    @SuppressWarnings("unchecked")
    private long cooperationsNamed(String name, String position) {
        RawHttp.Answer all = http.get("/api/v1/cooperations?size=500").as("analyst")
                .header("Registry-Min-Position", position).send();
        assertThat(all.status()).as("%s", all).isEqualTo(200);
        return ((List<Map<String, Object>>) all.json().get("items")).stream().filter(c -> name.equals(c.get("name"))).count();
    }
}
