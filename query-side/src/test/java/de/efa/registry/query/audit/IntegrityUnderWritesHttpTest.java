package de.efa.registry.query.audit;

import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.query.QuerySideApplication;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static de.efa.registry.query.audit.AuditFixtures.basic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrity check run while new aggregates are being appended reports an intact store: an aggregate created
 * during the check is either in it completely or not at all, never "all events removed".
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntegrityUnderWritesHttpTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;

    @Test
    void aCheckDuringAppendsFindsNothingWrong() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger appended = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            running.add(writers.submit(() -> {
                while (writing.get()) {
                    ServiceId service = ServiceId.random();
                    AuditFixtures.append(eventStore, AuditFixtures.SERVICE, service.value(), 0,
                            AuditFixtures.registered(service, "Wohngeld", "16"), Instant.now(), "thueringen");
                    AuditFixtures.append(eventStore, AuditFixtures.SERVICE, service.value(), 1,
                            AuditFixtures.published(service, "1.0.0"), Instant.now(), "thueringen");
                    appended.incrementAndGet();
                }
            }));
        }
        List<Map<String, Object>> reports = new ArrayList<>();
        try {
            for (int check = 0; check < 8; check++) {
                reports.add(http.exchange("/api/v1/audit/integrity", HttpMethod.GET,
                        new HttpEntity<>(basic("auditor")), JSON).getBody());
            }
        } finally {
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get();
            }
            writers.shutdown();
        }
        assertThat(appended.get()).as("aggregates appended during the checks").isGreaterThan(8);
        assertThat(reports).allSatisfy(report -> assertThat(report).as("%s", report).containsEntry("ok", true));
    }
}
