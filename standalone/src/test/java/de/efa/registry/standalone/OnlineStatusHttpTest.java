package de.efa.registry.standalone;

import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An online status recorded by its owner is shown where the register shows versions: the service, its audit history
 * (attributed to the owner) and the register as of an instant.
 */
class OnlineStatusHttpTest extends StandaloneHttpTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void aRecordedStatusIsShownWithTheVersionInTheHistoryAndInTheRegisterAsOfNow() {
        String serviceId = registerService("thueringen", "16", "EFA");
        publish("thueringen", serviceId, "1.0.0");
        publish("thueringen", serviceId, "2.0.0");

        RawHttp.Answer recorded = http.post("/api/v1/services/" + serviceId + "/versions/1.0.0/online-status")
                .as("thueringen").json(Map.of("status", "nicht ok", "detail", "Wartungsseite")).send();
        assertThat(recorded.status()).as("%s", recorded).isEqualTo(201);
        String position = recorded.header("Registry-Position");

        RawHttp.Answer service = http.get("/api/v1/services/" + serviceId).as("analyst")
                .header("Registry-Min-Position", position).send();
        assertThat(service.status()).isEqualTo(200);
        List<Map<String, Object>> versions = (List<Map<String, Object>>) service.json().get("versions");
        assertThat(versions.get(0)).containsEntry("version", "1.0.0").containsEntry("onlineStatus", "nicht ok")
                .containsEntry("onlineStatusCheckedAt", recorded.json().get("checkedAt"));
        assertThat(versions.get(1)).containsEntry("version", "2.0.0").containsEntry("onlineStatus", null);

        RawHttp.Answer history = http.get("/api/v1/audit/events?aggregateId=" + serviceId + "&type=VersionOnlineStatusChanged")
                .as("auditor").header("Registry-Min-Position", position).send();
        assertThat(history.status()).as("%s", history).isEqualTo(200);
        List<Map<String, Object>> events = (List<Map<String, Object>>) history.json().get("events");
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.get("payload").toString()).contains("nicht ok", "owner", "Wartungsseite");
            assertThat(event.get("metadata").toString()).contains("thueringen");
        });

        RawHttp.Answer register = http.get("/api/v1/audit/register").as("auditor")
                .header("Registry-Min-Position", position).send();
        assertThat(register.status()).isEqualTo(200);
        List<Map<String, Object>> services = (List<Map<String, Object>>) register.json().get("services");
        assertThat(services).filteredOn(s -> serviceId.equals(s.get("serviceId"))).singleElement()
                .satisfies(s -> assertThat((List<Map<String, Object>>) s.get("versions"))
                        .extracting(v -> v.get("version") + " " + v.get("status") + " " + v.get("onlineStatus"))
                        .containsExactly("1.0.0 ACTIVE nicht ok", "2.0.0 ACTIVE null"));
    }
}
