package de.efa.registry.standalone.reliability;

import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code kill -9} can leave the position counter ahead of the last stored event: positions reserved for appends
 * that never happened. A command that stores nothing must not answer such a position (a read waiting for it would
 * wait in vain and answer 503), and the projections must not show them as lag for ever. Simulated by moving the
 * counter on by a block, as the crash leaves it. A context of its own: the unwritten positions are for good.
 */
class PositionsLeftByACrashHttpTest extends StandaloneHttpTestBase {

    @DynamicPropertySource
    static void shortWait(DynamicPropertyRegistry registry) {
        registry.add("registry.query.min-position-wait", () -> "3s");
    }

    @Test
    void aCommandThatStoresNothingAnswersTheLastStoredPosition() throws IOException {
        String serviceId = registerService("thueringen", "16", "EFA");
        long lastStored = registryDatabase.getCollection(EventStoreCollections.EVENTS).find()
                .sort(new Document("_id", -1)).first().get("_id", Number.class).longValue();
        registryDatabase.getCollection(EventStoreCollections.COUNTERS)
                .updateOne(new Document(), new Document("$inc", new Document("value", 256L)));

        byte[] fixture = new ClassPathResource("demo/gv100ad-demo.txt").getContentAsByteArray();
        RawHttp.Answer again = http.post("/api/v1/admin/municipalities/import").as("admin")
                .body("text/plain;charset=UTF-8", fixture).send();
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(Long.parseLong(again.header("Registry-Position"))).isEqualTo(lastStored);

        RawHttp.Answer read = http.get("/api/v1/services/" + serviceId).as("analyst")
                .header("Registry-Min-Position", again.header("Registry-Position")).send();
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(projections())
                .allSatisfy(p -> assertThat(p).containsEntry("lag", 0).containsEntry("headPosition", (int) lastStored)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> projections() {
        RawHttp.Answer answer = http.get("/api/v1/admin/projections").as("admin").send();
        try {
            return RawHttp.JSON.readValue(answer.body(), List.class);
        } catch (IOException e) {
            throw new IllegalStateException(answer.body(), e);
        }
    }
}
