package de.efa.registry.standalone.authority;

import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authorities over HTTP, both sides: recorded and changed by the OWNER of their state, named by adoptions (single,
 * bulk, changed from a day on) and shown wherever the adoption is — and everything refused stores nothing.
 */
public class AuthorityHttpTest extends StandaloneHttpTestBase {

    static final String SIGNATURE = "eyJhbGciOiJQUzUxMiJ9.eyJkZXN0aW5hdGlvbklkIjoiM2ZhODVmNjQifQ.c2lnbmF0dXJl";

    public static Map<String, Object> authorityBody(String name, String state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("shortName", name.length() > 40 ? name.substring(0, 40) : name);
        body.put("state", state);
        body.put("address", map("street", "Juri-Gagarin-Ring", "houseNumber", "150", "zip", "99084", "city", "Erfurt"));
        body.put("contact", map("email", "wohngeld@erfurt.de", "phone", "+49 361 655-0"));
        body.put("destinationId", "3fa85f64-5717-4562-b3fc-2c963f66afa6");
        body.put("destinationSignature", SIGNATURE);
        body.put("websiteUrl", "https://www.erfurt.de/wohngeld");
        return body;
    }

    private String registerAuthority(String user, Map<String, Object> body) {
        RawHttp.Answer created = http.post("/api/v1/authorities").as(user).json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return (String) created.json().get("authorityId");
    }

    private RawHttp.Answer read(String path, RawHttp.Answer after) {
        return http.get(path).as("analyst").header("Registry-Min-Position", after.header("Registry-Position")).send();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOwnerRecordsChangesAndFindsItsAuthorities() {
        Map<String, Object> body = authorityBody("Stadtverwaltung Erfurt - Wohngeldstelle", "16");
        RawHttp.Answer created = http.post("/api/v1/authorities").as("thueringen").json(body).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = (String) created.json().get("authorityId");

        Map<String, Object> shown = read("/api/v1/authorities/" + id, created).json();
        assertThat(shown).containsEntry("authorityId", id).containsEntry("state", "16")
                .containsEntry("name", "Stadtverwaltung Erfurt - Wohngeldstelle")
                .containsEntry("destinationId", "3fa85f64-5717-4562-b3fc-2c963f66afa6")
                .containsEntry("destinationSignature", SIGNATURE).containsEntry("websiteUrl", "https://www.erfurt.de/wohngeld");
        assertThat((Map<String, Object>) shown.get("address")).containsEntry("zip", "99084").containsEntry("city", "Erfurt");
        assertThat((Map<String, Object>) shown.get("contact")).containsEntry("email", "wohngeld@erfurt.de");

        body.put("name", "Stadtverwaltung Erfurt - Amt für Soziales");
        body.remove("destinationSignature");
        RawHttp.Answer changed = http.method("PUT", "/api/v1/authorities/" + id).as("thueringen").json(body).send();
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json()).containsEntry("changed", true);
        Map<String, Object> after = read("/api/v1/authorities/" + id, changed).json();
        assertThat(after).containsEntry("name", "Stadtverwaltung Erfurt - Amt für Soziales").containsEntry("destinationSignature", null);
        RawHttp.Answer again = http.method("PUT", "/api/v1/authorities/" + id).as("admin").json(body).send();
        assertThat(again.json()).containsEntry("changed", false);

        Map<String, Object> found = read("/api/v1/authorities?state=16&q=amt+f%C3%BCr+soz", changed).json();
        assertThat((List<Map<String, Object>>) found.get("items")).extracting(a -> a.get("authorityId")).contains(id);
        assertThat((List<Map<String, Object>>) read("/api/v1/authorities?state=09&q=amt+f%C3%BCr+soz", changed).json()
                .get("items")).isEmpty();
    }

    @Test
    void theStateOfAnAuthorityIsItsOwnersAndNeverChanges() {
        String id = registerAuthority("thueringen", authorityBody("Bürgeramt Jena", "16"));
        long before = eventCount();

        assertThat(http.post("/api/v1/authorities").as("bayern").json(authorityBody("Bürgeramt Jena", "16")).send().status())
                .isEqualTo(403);
        assertThat(http.method("PUT", "/api/v1/authorities/" + id).as("bayern")
                .json(authorityBody("Bürgeramt Jena", "09")).send().status()).isEqualTo(403);
        RawHttp.Answer moved = http.method("PUT", "/api/v1/authorities/" + id).as("thueringen")
                .json(authorityBody("Bürgeramt Jena", "09")).send();
        assertThat(moved.status()).as("%s", moved).isEqualTo(422);
        assertThat(moved.body()).contains("authority-state-fixed");
        assertThat(http.method("PUT", "/api/v1/authorities/9e1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b").as("admin")
                .json(authorityBody("Bürgeramt Jena", "16")).send().status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void badDestinationsUrlsAndOversizedTextsAreRefusedAndNothingIsStored() {
        long before = eventCount();
        Map<String, Map<String, Object>> hostile = new LinkedHashMap<>();
        hostile.put("destinationId not a UUID", with("destinationId", "3fa85f64-5717-4562-b3fc"));
        hostile.put("destinationSignature not a compact JWS", with("destinationSignature", "eyJhbGciOiJQUzUxMiJ9.eyJ9"));
        hostile.put("destinationSignature with padding", with("destinationSignature", "a.b.c=="));
        hostile.put("destinationSignature too long", with("destinationSignature", "a." + "b".repeat(9_000) + ".c"));
        hostile.put("websiteUrl over http", with("websiteUrl", "http://www.erfurt.de"));
        hostile.put("websiteUrl javascript", with("websiteUrl", "javascript:alert(1)"));
        hostile.put("name too long", with("name", "x".repeat(301)));
        hostile.put("shortName too long", with("shortName", "x".repeat(101)));
        hostile.put("name with a control character", with("name", "Amt\u0000"));
        hostile.put("zip not five digits", with("address", map("street", "Ring", "houseNumber", "1", "zip", "9908", "city", "Erfurt")));
        hostile.put("street too long", with("address", map("street", "s".repeat(201), "houseNumber", "1", "zip", "99084", "city", "Erfurt")));
        hostile.put("email not an address", with("contact", map("email", "not-an-address", "phone", "+49 361 655-0")));
        hostile.put("no address", with("address", null));
        hostile.put("no state", with("state", null));
        hostile.put("state 17", with("state", "17"));
        hostile.forEach((what, body) -> {
            RawHttp.Answer refused = http.post("/api/v1/authorities").as("admin").json(body).send();
            assertThat(refused.status()).as(what + ": %s", refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(what).startsWith("application/problem+json");
        });
        assertThat(http.get("/api/v1/authorities/not-a-uuid").as("analyst").send().status()).isEqualTo(400);
        assertThat(http.get("/api/v1/authorities?q=" + "x".repeat(201)).as("analyst").send().status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = authorityBody("Ordnungsamt Weimar", "16");
        body.put(field, value);
        return body;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdoptionNamesItsAuthorityWhichIsShownWhereverTheAdoptionIs() {
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        String service = registerService("thueringen", "16", "EFA");
        publish("thueringen", service, "1.0.0");
        String wohngeldstelle = registerAuthority("thueringen", authorityBody("Wohngeldstelle Weimar", "16"));
        String buergeramt = registerAuthority("thueringen", authorityBody("Bürgeramt Weimar", "16"));

        RawHttp.Answer adopted = http.post("/api/v1/adoptions").as("thueringen").json(map("serviceId", service,
                "ags", "16055000", "effectiveFrom", "2023-07-01", "authorityId", wohngeldstelle)).send();
        assertThat(adopted.status()).as("%s", adopted).isEqualTo(201);
        String adoptionId = (String) adopted.json().get("adoptionId");

        Map<String, Object> adoption = read("/api/v1/adoptions/" + adoptionId, adopted).json();
        assertThat((Map<String, Object>) adoption.get("authority")).containsEntry("authorityId", wohngeldstelle)
                .containsEntry("name", "Wohngeldstelle Weimar").containsEntry("effectiveFrom", "2023-07-01");

        // from a day ahead on another authority handles it: today still the first, on that day the second
        String ahead = LocalDate.parse(today).plusDays(30).toString();
        RawHttp.Answer changed = http.post("/api/v1/adoptions/" + adoptionId + "/authority").as("thueringen")
                .json(map("authorityId", buergeramt, "effectiveFrom", ahead)).send();
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        Map<String, Object> afterChange = read("/api/v1/adoptions/" + adoptionId, changed).json();
        assertThat((Map<String, Object>) afterChange.get("authority")).containsEntry("authorityId", wohngeldstelle);
        assertThat((List<Map<String, Object>>) afterChange.get("authorities")).extracting(a -> a.get("authorityId"))
                .containsExactly(wohngeldstelle, buergeramt);

        assertThat(lookupAuthority("16055000", service, today, changed)).containsEntry("authorityId", wohngeldstelle)
                .containsEntry("name", "Wohngeldstelle Weimar");
        assertThat(lookupAuthority("16055000", service, ahead, changed)).containsEntry("authorityId", buergeramt)
                .containsEntry("name", "Bürgeramt Weimar");

        List<String> types = history("16055000").stream().map(e -> (String) e.get("type")).toList();
        assertThat(types).contains("AdoptionAuthorityAssigned");
        assertThat(history(buergeramt)).extracting(e -> e.get("type")).containsExactly("AuthorityRegistered");

        // the suite shares one store: a position another test left open (a crash it simulates) hides later events
        // from the audit's scan until it is given up after registry.event-store.gap-timeout (60 s), so the register
        // is read again until it shows them
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(150)).untilAsserted(() -> {
            RawHttp.Answer asOf = http.get("/api/v1/audit/register?asOf=" + java.time.Instant.now()).as("auditor")
                    .header("Registry-Min-Position", changed.header("Registry-Position")).send();
            assertThat(asOf.status()).as("%s", asOf).isEqualTo(200);
            List<Map<String, Object>> authorities = (List<Map<String, Object>>) asOf.json().get("authorities");
            assertThat(authorities).filteredOn(a -> buergeramt.equals(a.get("authorityId")))
                    .singleElement().satisfies(a -> assertThat(a).containsEntry("handledAdoptions", 1)
                            .containsEntry("name", "Bürgeramt Weimar"));
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lookupAuthority(String ags, String serviceId, String day, RawHttp.Answer after) {
        Map<String, Object> lookup = read("/api/v1/lookup/" + ags + "?asOf=" + day, after).json();
        return (Map<String, Object>) ((List<Map<String, Object>>) lookup.get("services")).stream()
                .filter(s -> serviceId.equals(s.get("serviceId"))).findFirst().orElseThrow().get("authority");
    }

    @Test
    void anAdoptionMayNameOnlyAnAuthorityOfItsMunicipalitysStateAndNothingIsStoredOtherwise() {
        String service = registerService("thueringen", "16", "EFA");
        publish("thueringen", service, "1.0.0");
        String bavarian = registerAuthority("bayern", authorityBody("Landratsamt Rosenheim", "09"));
        String thuringian = registerAuthority("thueringen", authorityBody("Landratsamt Sonneberg", "16"));
        long before = eventCount();

        RawHttp.Answer unknown = http.post("/api/v1/adoptions").as("thueringen").json(map("serviceId", service,
                "ags", "16053000", "effectiveFrom", "2023-07-01", "authorityId", "9e1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b")).send();
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(422);
        assertThat(unknown.body()).contains("unknown-authority");
        RawHttp.Answer foreign = http.post("/api/v1/adoptions").as("thueringen").json(map("serviceId", service,
                "ags", "16053000", "effectiveFrom", "2023-07-01", "authorityId", bavarian)).send();
        assertThat(foreign.status()).as("%s", foreign).isEqualTo(422);
        assertThat(foreign.body()).contains("authority-of-another-state");
        assertThat(http.post("/api/v1/adoptions").as("thueringen").json(map("serviceId", service,
                "ags", "16053000", "effectiveFrom", "2023-07-01", "authorityId", "not-a-uuid")).send().status()).isEqualTo(400);
        RawHttp.Answer bulkForeign = http.post("/api/v1/adoptions/bulk").as("thueringen").json(map("serviceId", service,
                "effectiveFrom", "2023-07-01", "district", "16072", "authorityId", bavarian)).send();
        assertThat(bulkForeign.status()).as("%s", bulkForeign).isEqualTo(422);
        assertThat(bulkForeign.body()).contains("authority-of-another-state");
        assertThat(eventCount()).isEqualTo(before);

        // per municipality: the whole request's authority, one municipality's own — and a foreign one refused alone
        RawHttp.Answer bulk = http.post("/api/v1/adoptions/bulk").as("thueringen").json(map("serviceId", service,
                "effectiveFrom", "2023-07-01", "ags", List.of("16072018", "16072019", "16072023"),
                "authorityId", thuringian, "authorities", map("16072023", bavarian))).send();
        assertThat(bulk.status()).as("%s", bulk).isEqualTo(200);
        assertThat(bulk.json()).containsEntry("accepted", 2);
        assertThat(bulk.body()).contains("16072023").contains("authority-of-another-state");
        // other tests of the suite adopt in these municipalities too: only this service's events count
        assertThat(history("16072018")).filteredOn(e -> String.valueOf(e.get("payload")).contains(service))
                .extracting(e -> e.get("type")).contains("AdoptionStarted");
        assertThat(history("16072018")).extracting(e -> e.get("type")).contains("AdoptionAuthorityAssigned");
        assertThat(history("16072023")).filteredOn(e -> String.valueOf(e.get("payload")).contains(service))
                .extracting(e -> e.get("type")).doesNotContain("AdoptionStarted");
    }

    @Test
    void onlyTheOwnerOfTheMunicipalitysStateChangesTheAuthority() {
        String service = registerService("thueringen", "16", "EFA");
        publish("thueringen", service, "1.0.0");
        String authority = registerAuthority("thueringen", authorityBody("Bürgeramt Goldisthal", "16"));
        String adoptionId = adopt("thueringen", service, "16072006");
        long before = eventCount();
        Map<String, Object> change = map("authorityId", authority, "effectiveFrom", "2024-01-01");

        assertThat(http.post("/api/v1/adoptions/" + adoptionId + "/authority").as("bayern").json(change).send().status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/adoptions/" + adoptionId + "/authority").as("analyst").json(change).send().status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/adoptions/" + adoptionId + "/authority").json(change).send().status()).isEqualTo(401);
        RawHttp.Answer early = http.post("/api/v1/adoptions/" + adoptionId + "/authority").as("thueringen")
                .json(map("authorityId", authority, "effectiveFrom", "2023-06-30")).send();
        assertThat(early.status()).as("%s", early).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(http.post("/api/v1/adoptions/" + adoptionId + "/authority").as("admin").json(change).send().status())
                .isEqualTo(200);
    }
}
