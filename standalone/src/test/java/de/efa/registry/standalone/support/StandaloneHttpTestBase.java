package de.efa.registry.standalone.support;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.standalone.RegistryApplication;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole registry (both sides) on a database of its own, with the demo municipality directory loaded. Every
 * reliability and security test extends this one class without adding configuration, so they share one Spring
 * context (started once) and keep the suite short; each test works on data of its own (fresh LeiKa keys).
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// /actuator/prometheus as in operation (Spring Boot's tests leave metrics export off otherwise)
@AutoConfigureObservability(tracing = false)
public abstract class StandaloneHttpTestBase {

    private static final AtomicLong LEIKA = new AtomicLong(99_700_000_000_000L + (System.nanoTime() % 1_000_000) * 100);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
        // every test of this shared context speaks from loopback: the open-data rate limit (OpenDataHttpTest tests
        // it) must not turn one test's reads into another's 429
        registry.add("registry.open-data.rate-limit.capacity", () -> "1000000");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MongoDatabase registryDatabase;

    protected RawHttp http;

    @BeforeEach
    void directory() throws IOException {
        http = new RawHttp(port);
        if (registryDatabase.getCollection("events").countDocuments(new Document("aggregateType", "Municipality")) == 0) {
            byte[] fixture = new ClassPathResource("demo/gv100ad-demo.txt").getContentAsByteArray();
            RawHttp.Answer imported = http.post("/api/v1/admin/municipalities/import").as("admin")
                    .body("text/plain;charset=UTF-8", fixture).send();
            assertThat(imported.status()).as("%s", imported).isEqualTo(200);
        }
    }

    protected long eventCount() {
        return registryDatabase.getCollection(EventStoreCollections.EVENTS).countDocuments();
    }

    /** A LeiKa key no other test used. */
    protected static String freshLeikaKey() {
        return Long.toString(LEIKA.incrementAndGet());
    }

    protected String registerService(String user, String state, String reuse) {
        RawHttp.Answer created = http.post("/api/v1/services").as(user).json(Map.of("leikaKey", freshLeikaKey(),
                "name", "Dienst", "providingState", state, "reuse", reuse)).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return (String) created.json().get("serviceId");
    }

    protected void publish(String user, String serviceId, String version) {
        RawHttp.Answer published = http.post("/api/v1/services/" + serviceId + "/versions").as(user)
                .json(Map.of("version", version, "maturityLevel", 3, "releasedOn", "2022-01-01")).send();
        assertThat(published.status()).as("%s", published).isEqualTo(201);
    }

    /** A cooperation in force: founded by {@code user}, signed by every other founding state (as ADMIN may). */
    protected String foundCooperation(String user, List<String> states) {
        RawHttp.Answer founded = http.post("/api/v1/cooperations").as(user)
                .json(Map.of("name", "Kooperation " + states, "foundingStates", states, "signedOn", "2021-03-01")).send();
        assertThat(founded.status()).as("%s", founded).isEqualTo(201);
        String id = (String) founded.json().get("cooperationId");
        if ("PENDING".equals(founded.json().get("status"))) {
            for (Object signer : (List<?>) founded.json().get("awaitingSignatures")) {
                RawHttp.Answer signed = http.post("/api/v1/cooperations/" + id + "/signatures").as("admin")
                        .json(Map.of("state", signer, "signedOn", "2021-03-01")).send();
                assertThat(signed.status()).as("%s", signed).isEqualTo(201);
            }
        }
        return id;
    }

    protected String adopt(String user, String serviceId, String ags) {
        RawHttp.Answer adopted = http.post("/api/v1/adoptions").as(user)
                .json(Map.of("serviceId", serviceId, "ags", ags, "effectiveFrom", "2023-07-01")).send();
        assertThat(adopted.status()).as("%s", adopted).isEqualTo(201);
        return (String) adopted.json().get("adoptionId");
    }

    /** The stored events of one aggregate, as the audit API shows them. */
    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> history(String aggregateId) {
        RawHttp.Answer answer = http.get("/api/v1/audit/aggregates/" + aggregateId + "/history").as("auditor").send();
        if (answer.status() == 404) {
            return List.of();
        }
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return new ArrayList<>((List<Map<String, Object>>) answer.json().get("events"));
    }

    protected static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    protected static void unchecked(IOException e) {
        throw new UncheckedIOException(e);
    }
}
