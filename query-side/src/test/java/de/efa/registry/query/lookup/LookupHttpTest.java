package de.efa.registry.query.lookup;

import com.mongodb.client.MongoCollection;
import de.efa.registry.kernel.adoption.SwitchReason;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.query.QuerySideTestBase;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.projection.ProjectionStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The lookup answers as of any day, across switches, retirements without successor and terminations. */
class LookupHttpTest extends QuerySideTestBase {

    @Autowired
    ActiveVersions versions;

    @Autowired
    LookupCache cache;

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
    void aSwitchOrTerminationDatedBeforeAnEarlierChangeHoldsFromItsDayOn() {
        history.municipality("16052000", "Gera, Stadt", 92_126);
        String wohngeld = history.service("99123456789013", "Wohngeld", "16", ReuseModel.EFA);
        history.publish(wohngeld, "1.1.0", 3, LocalDate.of(2023, 1, 1));
        history.publish(wohngeld, "2.0.0", 4, LocalDate.of(2024, 1, 1));
        String pass = history.service("99123456789014", "Pass", "16", ReuseModel.EFA);
        history.publish(pass, "1.0.0", 3, LocalDate.of(2023, 1, 1));
        String hund = history.service("99123456789015", "Hund", "16", ReuseModel.EFA);
        history.publish(hund, "1.0.0", 3, LocalDate.of(2023, 1, 1));

        // ended before a switch took effect: nothing serves from the end on
        String a = history.adopt("16052000", wohngeld, "1.1.0", "16", LocalDate.of(2024, 7, 1));
        history.switchVersion("16052000", a, wohngeld, "1.1.0", "2.0.0", LocalDate.of(2025, 3, 1), SwitchReason.REQUESTED);
        history.end("16052000", a, wohngeld, LocalDate.of(2025, 1, 31));
        // switched back to a day before the switch it replaces: one version per day
        String b = history.adopt("16052000", pass, "1.0.0", "16", LocalDate.of(2024, 6, 15));
        history.switchVersion("16052000", b, pass, "1.0.0", "2.0.0", LocalDate.of(2025, 6, 1), SwitchReason.REQUESTED);
        history.switchVersion("16052000", b, pass, "2.0.0", "1.0.0", LocalDate.of(2025, 3, 1), SwitchReason.REQUESTED);
        // unsupported from a retirement, then ended before it: the end wins
        String c = history.adopt("16052000", hund, "1.0.0", "16", LocalDate.of(2024, 4, 1));
        history.unsupported("16052000", c, hund, "1.0.0", LocalDate.of(2025, 6, 1));
        long last = history.end("16052000", c, hund, LocalDate.of(2024, 12, 31));

        assertThat(gera("2024-12-30", last)).extracting(r -> r.get("name"))
                .containsExactlyInAnyOrder("Wohngeld", "Pass", "Hund");
        assertThat(gera("2025-01-30", last)).extracting(r -> r.get("name")).containsExactlyInAnyOrder("Wohngeld", "Pass");
        for (String day : List.of("2025-01-31", "2025-02-15", "2025-03-01", "2025-07-01")) {
            assertThat(gera(day, last)).as(day).extracting(r -> r.get("name")).doesNotContain("Wohngeld", "Hund");
        }
        for (String day : List.of("2025-03-01", "2025-04-01", "2025-05-31", "2025-06-01", "2026-01-01")) {
            List<Map<String, Object>> serving = gera(day, last);
            assertThat(serving).as(day).hasSize(1);
            assertThat(serving.get(0)).as(day).containsEntry("name", "Pass").containsEntry("version", "1.0.0")
                    .containsEntry("since", "2025-03-01");
        }
        assertThat(gera("2025-02-28", last)).extracting(r -> r.get("version")).containsExactly("1.0.0");
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

    /**
     * The service facts are held in memory; a version published after they were read (here straight into the store,
     * as any other instance's processor would write it) is fetched, not answered without its maturity.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aVersionPublishedAfterTheServiceWasCachedIsShownWithItsMaturity() {
        history.municipality("16053000", "Jena, Stadt", 110_731);
        String kita = history.service("99123456789055", "Kita-Anmeldung", "16", ReuseModel.EFA);
        history.publish(kita, "1.0.0", 2, LocalDate.of(2023, 1, 1));
        String adoption = history.adopt("16053000", kita, "1.0.0", "16", LocalDate.of(2023, 3, 1));
        long adopted = history.lastPosition();
        assertThat(rows("/api/v1/lookup/16053000?asOf=2024-01-01", adopted))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("maturityLevel", 2));

        history.publish(kita, "1.1.0", 4, LocalDate.of(2024, 1, 1));
        long switched = history.switchVersion("16053000", adoption, kita, "1.0.0", "1.1.0", LocalDate.of(2024, 2, 1),
                SwitchReason.REQUESTED);
        assertThat(rows("/api/v1/lookup/16053000?asOf=2024-03-01", switched)).singleElement().satisfies(row ->
                assertThat(row).containsEntry("version", "1.1.0").containsEntry("maturityLevel", 4));
        assertThat(rows("/api/v1/lookup/16053000?asOf=2024-01-01", switched)).singleElement().satisfies(row ->
                assertThat(row).containsEntry("version", "1.0.0").containsEntry("maturityLevel", 2)
                        .containsEntry("validTo", "2024-02-01").containsEntry("adoptionId", adoption));
    }

    /**
     * Lookup documents written before intervals were stored as one string each hold them as sub-documents: they are
     * read as they are, and rewritten in the compact form by the municipality's next adoption event.
     */
    @Test
    void readsIntervalsStoredInTheOlderFormAndRewritesThemOnTheNextEvent() {
        history.municipality("16054000", "Suhl, Stadt", 36_395);
        String pass = history.service("99123456789066", "Reisepass", "09", ReuseModel.EFA);
        history.publish(pass, "1.0.0", 3, LocalDate.of(2023, 1, 1));
        String adoption = history.adopt("16054000", pass, "1.0.0", "09", LocalDate.of(2023, 3, 1));
        long adopted = history.lastPosition();
        Map<String, Object> before = body("/api/v1/lookup/16054000?asOf=2023-06-01", adopted);

        MongoCollection<Document> lookup = versions.active(LookupProjection.NAME).collection(LookupProjection.MUNICIPALITIES);
        lookup.updateOne(new Document("_id", "16054000"), new Document("$set", new Document("e", List.of(
                new Document("a", adoption).append("s", pass).append("v", "1.0.0").append("f", "2023-03-01")))));
        cache.written(List.of("16054000")); // as the projection does after a write: the next read is the stored form
        assertThat(body("/api/v1/lookup/16054000?asOf=2023-06-01", adopted)).isEqualTo(before);

        long ended = history.end("16054000", adoption, pass, LocalDate.of(2024, 1, 1));
        assertThat(rows("/api/v1/lookup/16054000?asOf=2023-06-01", ended)).singleElement().satisfies(row ->
                assertThat(row).containsEntry("validTo", "2024-01-01").containsEntry("maturityLevel", 3));
        assertThat(rows("/api/v1/lookup/16054000?asOf=2024-01-01", ended)).isEmpty();
        assertThat(lookup.find(new Document("_id", "16054000")).first().getList("e", Object.class))
                .containsExactly(adoption + " " + pass + " 1.0.0 2023-03-01 2024-01-01");
    }

    /**
     * Service facts read from one version of the projection must not outlive its replacement. A fact only the serving
     * version holds (tampered with here) is read once, then a rebuild takes over: the answer comes from the rebuilt
     * version, not from memory.
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void afterARebuildTakesOverServiceFactsComeFromTheRebuiltVersion() {
        history.municipality("16056000", "Eisenach, Stadt", 42_250);
        String elterngeld = history.service("99123456789077", "Elterngeld", "16", ReuseModel.EFA);
        history.publish(elterngeld, "1.0.0", 3, LocalDate.of(2023, 1, 1));
        history.adopt("16056000", elterngeld, "1.0.0", "16", LocalDate.of(2023, 3, 1));
        long adopted = history.lastPosition();
        body("/api/v1/municipalities/16056000", adopted); // the projections have it; the lookup was never read
        ProjectionStore serving = versions.active(LookupProjection.NAME);
        serving.collection(LookupProjection.SERVICES).updateOne(new Document("_id", elterngeld),
                new Document("$set", new Document("n", "Elterngeld (stale)")));
        // the first lookup of this service: it brings the tampered facts into memory
        assertThat(rows("/api/v1/lookup/16056000?asOf=2024-01-01", adopted)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("name", "Elterngeld (stale)"));

        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/api/v1/admin/projections/lookup/rebuild", null,
                Map.class).getStatusCode().value()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> versions.active(LookupProjection.NAME).version() > serving.version());

        assertThat(rows("/api/v1/lookup/16056000?asOf=2024-01-01", adopted)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("name", "Elterngeld"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String path, long position) {
        return (List<Map<String, Object>>) body(path, position).get("services");
    }

    private List<Map<String, Object>> gera(String asOf, long position) {
        return rows("/api/v1/lookup/16052000?asOf=" + asOf, position);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> services(String asOf, long position) {
        return (List<Map<String, Object>>) body("/api/v1/lookup/16051000?asOf=" + asOf, position).get("services");
    }
}
