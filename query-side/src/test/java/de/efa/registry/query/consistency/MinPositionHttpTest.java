package de.efa.registry.query.consistency;

import de.efa.registry.query.QuerySideTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads wait for their minimum position; after the configured wait (2 s here, 10 s by default) they answer 503. */
class MinPositionHttpTest extends QuerySideTestBase {

    @Test
    void aReadWaitsForItsPositionAndSeesTheWrite() {
        long position = history.municipality("14612000", "Dresden, Stadt", 563_311);
        assertThat(body("/api/v1/municipalities/14612000", position)).containsEntry("name", "Dresden, Stadt");
        assertThat(body("/api/v1/lookup/14612000", position)).containsEntry("name", "Dresden, Stadt");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aPositionNotReachedInTimeIs503WithRetryAfter() {
        long started = System.nanoTime();
        ResponseEntity<Map> response = get("/api/v1/services?size=1", 1_000_000_000L);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getBody()).containsEntry("type", "https://efa-registry.de/problems/not-yet-consistent");
        assertThat(waitedMillis).isBetween(1_900L, 9_000L);
    }

    @Test
    void aMalformedPositionIs400() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.set("Registry-Min-Position", "soon");
        assertThat(http.withBasicAuth("analyst", "demo").exchange("/api/v1/services", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class).getStatusCode().value()).isEqualTo(400);
    }
}
