package de.efa.registry.eventstore;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who caused an event, as its stored metadata says; an event stored without metadata is attributed to no one. */
class AttributionTest {

    @Test
    void theThreeFieldsAreReadFromTheMetadata() {
        Attribution attribution = Attribution.of(new Document(Attribution.PRINCIPAL, "thueringen")
                .append(Attribution.CORRELATION_ID, "c-1").append(Attribution.CAUSATION_ID, "e-7").append("other", "x"));

        assertThat(attribution.principal()).isEqualTo("thueringen");
        assertThat(attribution.correlationId()).isEqualTo("c-1");
        assertThat(attribution.causationId()).isEqualTo("e-7");
    }

    @Test
    void noMetadataMeansNoOne() {
        assertThat(Attribution.of(null)).isEqualTo(Attribution.NONE);
        assertThat(Attribution.of(new Document())).isEqualTo(Attribution.NONE);
    }
}
