package de.efa.registry.query.projection;

import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.StateJoinedCooperation;
import de.efa.registry.query.QuerySideTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A failing event goes to the dead-letter queue with the later events of its aggregate; the projection moves on, and
 * an ADMIN retries the letters once the cause is gone.
 */
@Import(DeadLetterHttpTest.Flaky.class)
@SuppressWarnings({"unchecked", "rawtypes"})
class DeadLetterHttpTest extends QuerySideTestBase {

    static volatile boolean poisoned = true;

    @Test
    void aPoisonedEventWaitsInTheQueueWhileTheProjectionMovesOn() {
        String poison = history.cooperation("Poison", LocalDate.of(2024, 1, 1), "16", "09");
        history.join(poison, "03", LocalDate.of(2024, 2, 1));
        String fine = history.cooperation("Fine", LocalDate.of(2024, 1, 1), "16", "14");
        long last = history.join(fine, "03", LocalDate.of(2024, 2, 1));

        // not stalled: the read-your-writes wait passes, and the healthy aggregate is projected
        assertThat(body("/api/v1/cooperations/" + fine, last)).containsEntry("name", "Fine");
        Map<String, Object> flaky = status();
        assertThat(flaky).containsEntry("status", "LIVE").containsEntry("deadLetters", 2);
        assertThat(((Number) flaky.get("position")).longValue()).isGreaterThanOrEqualTo(last);
        assertThat(Flaky.members(store(), fine)).isEqualTo(3);
        // the same for an alert: Prometheus sees the letters and the projection still LIVE
        // the same for an alert: the metrics see the letters and the projection still LIVE, at most one event behind
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gauge("registry.projection.dead.letters")).isEqualTo(2.0);
            assertThat(gauge("registry.projection.live")).isEqualTo(1.0);
            assertThat(gauge("registry.projection.position")).isGreaterThanOrEqualTo(last);
            assertThat(metrics.get("registry.events.head.position").gauge().value()).isGreaterThanOrEqualTo(last);
        });

        Map<String, Object> letters = get("admin", "/api/v1/admin/projections/flaky/dead-letters", 0, Map.class).getBody();
        assertThat((List<Map<String, Object>>) letters.get("items")).extracting(l -> l.get("type"))
                .containsExactly("CooperationFounded", "StateJoinedCooperation");
        assertThat((List<Map<String, Object>>) letters.get("items")).allSatisfy(l -> assertThat(l).containsEntry("aggregateId", poison));

        ResponseEntity<Map> stillPoisoned = http.withBasicAuth("admin", "demo")
                .postForEntity("/api/v1/admin/projections/flaky/dead-letters/retry", null, Map.class);
        assertThat(stillPoisoned.getBody()).containsEntry("recovered", 0).containsEntry("remaining", 2);

        poisoned = false;
        ResponseEntity<Map> retried = http.withBasicAuth("admin", "demo")
                .postForEntity("/api/v1/admin/projections/flaky/dead-letters/retry", null, Map.class);
        assertThat(retried.getBody()).containsEntry("recovered", 2).containsEntry("remaining", 0);
        assertThat(Flaky.members(store(), poison)).isEqualTo(3);
        assertThat(status()).containsEntry("deadLetters", 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("registry.projection.dead.letters") == 0.0);

        // unblocked: later events of that aggregate are projected again
        long after = history.join(poison, "14", LocalDate.of(2024, 3, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) status().get("position")).longValue() >= after);
        assertThat(Flaky.members(store(), poison)).isEqualTo(4);
        assertThat(http.withBasicAuth("analyst", "demo").postForEntity("/api/v1/admin/projections/flaky/dead-letters/retry",
                null, Map.class).getStatusCode().value()).isEqualTo(403);
    }

    /** The projection metrics, bound to a registry of the test's own (Spring's test contexts export none). */
    private final io.micrometer.core.instrument.simple.SimpleMeterRegistry metrics =
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

    @org.junit.jupiter.api.BeforeEach
    void bindMetrics() {
        projectionMetrics.bindTo(metrics);
    }

    private double gauge(String name) {
        return metrics.get(name).tag("projection", "flaky").gauge().value();
    }

    private Map<String, Object> status() {
        return get("admin", "/api/v1/admin/projections/flaky", 0, Map.class).getBody();
    }

    private ProjectionStore store() {
        return versions.active("flaky");
    }

    @org.springframework.beans.factory.annotation.Autowired
    ActiveVersions versions;
    @org.springframework.beans.factory.annotation.Autowired
    ProjectionMetrics projectionMetrics;

    /** Counts cooperation members, and fails on the cooperation named "Poison" while the test says so. */
    @TestConfiguration
    static class Flaky {

        @Bean
        Projection flakyProjection() {
            return new DocumentProjection() {
                {
                    on(CooperationFounded.class, f -> new StateKey("c", f.cooperationId().value()), (f, state, p) -> {
                        state.put("name", f.name());
                        state.put("members", f.foundingStates().size());
                        poison(state);
                    });
                    on(StateJoinedCooperation.class, j -> new StateKey("c", j.cooperationId().value()), (j, state, p) -> {
                        state.put("members", state.getInteger("members") + 1);
                        poison(state);
                    });
                }

                @Override
                public String name() {
                    return "flaky";
                }

                private void poison(Document state) {
                    if (poisoned && "Poison".equals(state.getString("name"))) {
                        throw new IllegalStateException("poisoned");
                    }
                }

                @Override
                protected void derive(StateKey key, Document before, Document after, long position, DerivedWrites writes) {
                }
            };
        }

        static int members(ProjectionStore store, String cooperationId) {
            Document document = store.collection("c").find(new Document("_id", cooperationId)).first();
            return document == null ? 0 : document.getInteger("members");
        }
    }
}
