package de.efa.registry.query.lookup;

import de.efa.registry.kernel.adoption.SwitchReason;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.query.QuerySideTestBase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lookup answers as of any day, across switches, retirements without successor and terminations. */
class LookupHttpTest extends QuerySideTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void answersAsOfAnyDayAcrossSwitchesUnsupportedMarksAndTerminations() {
        history.municipality("16051000", "Erfurt, Stadt", 214_969);
        String wohngeld = history.service("99123456789012", "Wohngeld", "09", ReuseModel.EFA);
        history.publish(wohngeld, "1.0.0", 3, LocalDate.of(2023, 1, 1));
        history.publish(wohngeld, "2.0.0", 4, LocalDate.of(2024, 1, 1));
        String hund = history.service("99123456789099", "Hundesteuer", "16", ReuseModel.STATE_ONLY);
        history.publish(hund, "1.0.0", 2, LocalDate.of(2023, 1, 1));

        String a = history.adopt("16051000", wohngeld, "1.0.0", "09", LocalDate.of(2023, 3, 1));
        history.switchVersion("16051000", a, wohngeld, "1.0.0", "2.0.0", LocalDate.of(2024, 2, 1), SwitchReason.REQUESTED);
        String b = history.adopt("16051000", hund, "1.0.0", "16", LocalDate.of(2023, 6, 1));
        history.unsupported("16051000", b, hund, "1.0.0", LocalDate.of(2024, 5, 1));
        long last = history.end("16051000", a, wohngeld, LocalDate.of(2025, 1, 1));

        assertThat(services("2023-02-28", last)).isEmpty();
        List<Map<String, Object>> march2023 = services("2023-03-01", last);
        assertThat(march2023).hasSize(1);
        assertThat(march2023.get(0)).containsEntry("serviceId", wohngeld).containsEntry("version", "1.0.0")
                .containsEntry("maturityLevel", 3).containsEntry("providingState", "09").containsEntry("crossBorder", true)
                .containsEntry("leikaKey", "99123456789012").containsEntry("name", "Wohngeld").containsEntry("since", "2023-03-01");
        List<Map<String, Object>> july2023 = services("2023-07-01", last);
        assertThat(july2023).extracting(s -> s.get("name")).containsExactly("Wohngeld", "Hundesteuer");
        assertThat(july2023.get(1)).containsEntry("crossBorder", false);
        assertThat(services("2024-01-31", last)).extracting(s -> s.get("version")).containsExactly("1.0.0", "1.0.0");
        List<Map<String, Object>> feb2024 = services("2024-02-01", last);
        assertThat(feb2024).extracting(s -> s.get("version")).containsExactly("2.0.0", "1.0.0");
        assertThat(feb2024.get(0)).containsEntry("since", "2024-02-01").containsEntry("maturityLevel", 4);
        assertThat(services("2024-05-01", last)).extracting(s -> s.get("name")).containsExactly("Wohngeld");
        assertThat(services("2024-12-31", last)).hasSize(1);
        assertThat(services("2025-01-01", last)).isEmpty();

        Map<String, Object> filtered = body("/api/v1/lookup/16051000?asOf=2023-07-01&leikaKey=99123456789099", last);
        assertThat((List<Map<String, Object>>) filtered.get("services")).extracting(s -> s.get("name")).containsExactly("Hundesteuer");
        assertThat(filtered).containsEntry("ags", "16051000").containsEntry("name", "Erfurt, Stadt")
                .containsEntry("state", "16").containsEntry("asOf", "2023-07-01");
    }

    @Test
    void defaultsToTodayAndRefusesBadInput() {
        long last = history.municipality("09162000", "München, Landeshauptstadt", 1_512_491);
        Map<String, Object> today = body("/api/v1/lookup/09162000", last);
        assertThat(today.get("asOf")).isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString());

        assertThat(get("/api/v1/lookup/09162999", last).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/v1/lookup/0916", last).getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/lookup/09162000?asOf=yesterday", last).getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/lookup/09162000?leikaKey=12", last).getStatusCode().value()).isEqualTo(400);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> services(String asOf, long position) {
        return (List<Map<String, Object>>) body("/api/v1/lookup/16051000?asOf=" + asOf, position).get("services");
    }
}
