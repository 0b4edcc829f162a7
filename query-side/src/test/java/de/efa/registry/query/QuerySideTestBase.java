package de.efa.registry.query;

import de.efa.registry.testsupport.RegistryTestProperties;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A query side on a database of its own; events go into the real store, answers are read over HTTP. */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registry.query.min-position-wait=2s", "registry.projections.drop-delay=200ms",
                "registry.projections.pointer-cache-ttl=50ms"})
// a context (and so a database) per test class: scenarios of one class must not meet those of another
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class QuerySideTestBase {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected EventStore eventStore;

    protected RegistryHistory history;

    /** Spring shares a context (and so a store) between the tests of a class: so must the sequence numbers. */
    private static final java.util.Map<EventStore, RegistryHistory> HISTORIES = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void history() {
        history = HISTORIES.computeIfAbsent(eventStore, RegistryHistory::new);
    }

    /** A read as the analyst, once the projections have processed {@code position}. */
    @SuppressWarnings("rawtypes")
    protected ResponseEntity<Map> get(String path, long position) {
        return get("analyst", path, position, Map.class);
    }

    protected <T> ResponseEntity<T> get(String user, String path, long position, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Registry-Min-Position", Long.toString(position));
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
    }

    @SuppressWarnings("rawtypes")
    protected Map body(String path, long position) {
        ResponseEntity<Map> response = get(path, position);
        assertThat(response.getStatusCode().value()).as("GET " + path + ": " + response.getBody()).isEqualTo(200);
        return response.getBody();
    }

}
