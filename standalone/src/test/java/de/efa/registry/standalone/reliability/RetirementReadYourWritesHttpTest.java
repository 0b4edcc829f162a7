package de.efa.registry.standalone.reliability;

import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retirement moves the version's adoptions to its successor (a process does, right after the retirement); the
 * answer's {@code Registry-Position} covers those moves, so the owner who reads with it sees them done.
 */
class RetirementReadYourWritesHttpTest extends StandaloneHttpTestBase {

    private static final List<String> THURINGIAN = List.of("16051000", "16053000", "16055000", "16072011");

    @Test
    void aReadWithTheRetirementsPositionShowsTheAdoptionsMoved() {
        String serviceId = registerService("thueringen", "16", "EFA");
        publish("thueringen", serviceId, "1.0.0");
        for (String ags : THURINGIAN) {
            adopt("thueringen", serviceId, ags);
        }
        RawHttp.Answer successor = http.post("/api/v1/services/" + serviceId + "/versions").as("thueringen")
                .json(Map.of("version", "2.0.0", "maturityLevel", 4, "releasedOn", "2023-01-01")).send();
        assertThat(successor.status()).as("%s", successor).isEqualTo(201);

        RawHttp.Answer retired = http.post("/api/v1/services/" + serviceId + "/versions/1.0.0/retirement")
                .as("thueringen").json(Map.of("retiredOn", "2024-06-30", "successor", "2.0.0")).send();
        assertThat(retired.status()).as("%s", retired).isEqualTo(200);

        RawHttp.Answer read = http.get("/api/v1/services/" + serviceId).as("thueringen")
                .header("Registry-Min-Position", retired.header("Registry-Position")).send();
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(adoptionsOn(read, "1.0.0")).as("%s", read).isZero();
        assertThat(adoptionsOn(read, "2.0.0")).as("%s", read).isEqualTo(THURINGIAN.size());
    }

    @SuppressWarnings("unchecked")
    private static int adoptionsOn(RawHttp.Answer service, String version) {
        return ((List<Map<String, Object>>) service.json().get("versions")).stream()
                .filter(v -> version.equals(v.get("version")))
                .mapToInt(v -> ((Number) v.get("adoptions")).intValue()).findFirst().orElseThrow();
    }
}
