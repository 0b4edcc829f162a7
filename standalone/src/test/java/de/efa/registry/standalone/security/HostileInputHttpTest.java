package de.efa.registry.standalone.security;

import de.efa.registry.standalone.authority.AuthorityHttpTest;
import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for every endpoint, as a table: malformed and truncated JSON, wrong types, missing and extra fields,
 * operator-like values, huge strings and bodies, unicode edge cases, odd ids, invalid dates, wrong content types and
 * bad query parameters. Each is refused with a 4xx problem that shows no stack trace, and stores nothing.
 */
class HostileInputHttpTest extends StandaloneHttpTestBase {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Map<String, Object> OPERATOR = Map.of("$gt", "");
    /** Replaced by the JSON escape of an unpaired high surrogate once serialised (Java would write it as '?'). */
    private static final String LONE_SURROGATE = "<lone-surrogate>";
    private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("name", "shortName", "topic", "description",
            "ozgName", "leikaName", "terms", "reference", "detail");
    private static final String IMPORT = "/api/v1/admin/municipalities/import";
    /** The line of the demo directory that lists Göttingen (03159016, 118,946 inhabitants). */
    private static final int GOETTINGEN = 5;

    private static String serviceId;
    private static String adoptionId;
    private static String cooperationId;
    private static String authorityId;
    private static String bavarianAuthorityId;
    private static String offerId;
    private static String agreementId;

    record Case(String name, int status, Supplier<RawHttp.Answer> send) {
    }

    /**
     * An endpoint taking JSON: its method and path, the caller allowed to use it, a body it would accept, and whether
     * a body of nothing but nulls is acceptable too (every field optional).
     */
    record JsonEndpoint(String method, String path, String user, Map<String, Object> valid, boolean everyFieldOptional) {

        JsonEndpoint(String path, String user, Map<String, Object> valid) {
            this("POST", path, user, valid, false);
        }
    }

    @BeforeEach
    void fixture() {
        if (serviceId == null) {
            serviceId = registerService("thueringen", "16", "EFA");
            publish("thueringen", serviceId, "1.0.0");
            adoptionId = adopt("thueringen", serviceId, "16055000");
            cooperationId = foundCooperation("thueringen", List.of("16", "09"));
            authorityId = (String) http.post("/api/v1/authorities").as("thueringen")
                    .json(AuthorityHttpTest.authorityBody("Bürgeramt Weimar", "16")).send().json().get("authorityId");
            bavarianAuthorityId = (String) http.post("/api/v1/authorities").as("bayern")
                    .json(AuthorityHttpTest.authorityBody("Landratsamt Rosenheim", "09")).send().json().get("authorityId");
            RawHttp.Answer offered = http.post("/api/v1/services/" + serviceId + "/offers").as("thueringen")
                    .json(map("terms", "t", "costModel", "FREE", "validFrom", "2024-01-01")).send();
            offerId = (String) offered.json().get("offerId");
            RawHttp.Answer proposed = http.post("/api/v1/agreements").as("thueringen").json(map("serviceId", serviceId,
                    "adoptingState", "09", "legalBasis", "FIT_STORE", "reference", "R", "validFrom", "2024-03-01")).send();
            agreementId = (String) proposed.json().get("agreementId");
            assertThat(http.post("/api/v1/agreements/" + agreementId + "/signature").as("bayern").send().status()).isEqualTo(201);
        }
    }

    List<JsonEndpoint> jsonEndpoints() {
        return List.of(
                new JsonEndpoint("/api/v1/services", "thueringen", map("leikaKey", freshLeikaKey(), "name", "Dienst",
                        "providingState", "16", "reuse", "EFA", "topic", "Familie", "description", "Beschreibung")),
                new JsonEndpoint("PUT", "/api/v1/services/" + serviceId, "thueringen", map("ozgId", 10214,
                        "ozgName", "Wohngeld", "leikaName", "Wohngeld Bewilligung", "typisierung", 4, "evaluated", true), true),
                new JsonEndpoint("/api/v1/services/" + serviceId + "/versions", "thueringen",
                        map("version", "2.0.0", "maturityLevel", 3, "releasedOn", "2022-01-01", "url", "https://example.org")),
                new JsonEndpoint("/api/v1/services/" + serviceId + "/versions/1.0.0/deprecation", "thueringen",
                        map("sunsetOn", "2030-01-01")),
                new JsonEndpoint("/api/v1/services/" + serviceId + "/versions/1.0.0/retirement", "thueringen",
                        map("retiredOn", "2030-01-01")),
                new JsonEndpoint("/api/v1/services/" + serviceId + "/versions/1.0.0/online-status", "thueringen",
                        map("status", "nicht ok", "detail", "Antragsseite antwortet nicht")),
                new JsonEndpoint("/api/v1/adoptions", "thueringen",
                        map("serviceId", serviceId, "ags", "16053000", "effectiveFrom", "2023-07-01")),
                new JsonEndpoint("/api/v1/adoptions/bulk", "thueringen",
                        map("serviceId", serviceId, "effectiveFrom", "2023-07-01", "ags", List.of("16053000"))),
                new JsonEndpoint("/api/v1/adoptions/" + adoptionId + "/version-switch", "thueringen",
                        map("version", "1.0.0", "effectiveFrom", "2024-01-01")),
                new JsonEndpoint("/api/v1/adoptions/" + adoptionId + "/termination", "thueringen", map("endsOn", "2024-01-01")),
                new JsonEndpoint("/api/v1/services/" + serviceId + "/offers", "thueringen",
                        map("terms", "Betrieb durch Dataport", "costModel", "FREE", "validFrom", "2024-01-01")),
                new JsonEndpoint("/api/v1/offers/" + offerId + "/interests", "bayern", map("state", "09")),
                new JsonEndpoint("/api/v1/agreements", "thueringen", map("serviceId", serviceId, "adoptingState", "09",
                        "legalBasis", "FIT_STORE", "reference", "FIT-Store 2024-017", "validFrom", "2024-03-01",
                        "validTo", "2027-12-31")),
                new JsonEndpoint("/api/v1/agreements/" + agreementId + "/termination", "thueringen",
                        map("endsOn", "2026-01-01", "state", "16")),
                new JsonEndpoint("/api/v1/cooperations", "thueringen",
                        map("name", "Kooperation", "foundingStates", List.of("16", "09"), "signedOn", "2021-03-01")),
                new JsonEndpoint("/api/v1/cooperations/" + cooperationId + "/members", "admin",
                        map("state", "03", "joinedOn", "2022-01-01")),
                new JsonEndpoint("/api/v1/cooperations/" + cooperationId + "/signatures", "admin",
                        map("state", "09", "signedOn", "2021-04-01")),
                new JsonEndpoint("/api/v1/authorities", "thueringen", AuthorityHttpTest.authorityBody("Ordnungsamt Jena", "16")),
                new JsonEndpoint("/api/v1/adoptions/" + adoptionId + "/authority", "thueringen",
                        map("authorityId", authorityId, "effectiveFrom", "2024-01-01")));
    }

    List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (JsonEndpoint endpoint : jsonEndpoints()) {
            String valid = json(endpoint.valid());
            String at = " → " + endpoint.method() + " " + endpoint.path();
            cases.add(post("malformed JSON" + at, 400, endpoint, "application/json", "{\"name\": \"x\","));
            cases.add(post("truncated JSON" + at, 400, endpoint, "application/json", valid.substring(0, valid.length() / 2)));
            cases.add(post("empty body" + at, 400, endpoint, "application/json", ""));
            cases.add(post("JSON array instead of object" + at, 400, endpoint, "application/json", "[" + valid + "]"));
            cases.add(post("JSON string instead of object" + at, 400, endpoint, "application/json", "\"" + endpoint.path() + "\""));
            cases.add(post("missing fields, extra fields" + at, 400, endpoint, "application/json",
                    json(map("unexpected", 1, "__proto__", map("admin", true), "principal", "admin"))));
            cases.add(post("every field an operator" + at, 400, endpoint, "application/json", json(replaceAll(endpoint.valid(), OPERATOR))));
            cases.add(post("every field an array" + at, 400, endpoint, "application/json", json(replaceAll(endpoint.valid(), List.of("x")))));
            cases.add(post("every field a number" + at, 400, endpoint, "application/json", json(replaceAll(endpoint.valid(), 1e308))));
            if (!endpoint.everyFieldOptional()) {
                cases.add(post("every field null" + at, 400, endpoint, "application/json", json(replaceAll(endpoint.valid(), null))));
            }
            for (String field : endpoint.valid().keySet()) {
                for (Map.Entry<String, Object> bad : badValues().entrySet()) {
                    if (FREE_TEXT.contains(field) && !bad.getKey().startsWith("as an o") && !bad.getKey().startsWith("as a huge")
                            && !bad.getKey().startsWith("with")) {
                        continue; // a date, an emoji or (where optional) a blank are fine as free text; identifiers refuse them
                    }
                    Map<String, Object> body = new LinkedHashMap<>(endpoint.valid());
                    body.put(field, bad.getValue());
                    cases.add(post(field + " " + bad.getKey() + at, 400, endpoint, "application/json", json(body)));
                }
            }
            // a reader that takes the first "name" and one that takes the last would see two different requests
            String firstKey = endpoint.valid().keySet().iterator().next();
            cases.add(post("duplicate key" + at, 400, endpoint, "application/json",
                    valid.substring(0, valid.length() - 1) + ",\"" + firstKey + "\":" + json(endpoint.valid().get(firstKey)) + "}"));
            cases.add(post("a second JSON value after the first" + at, 400, endpoint, "application/json", valid + valid));
            cases.add(post("trailing garbage after the JSON value" + at, 400, endpoint, "application/json", valid + " x"));
            cases.add(post("lone surrogate as raw bytes" + at, 400, endpoint, "application/json",
                    rawUtf8(valid, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
            cases.add(post("ISO-8859-1 bytes declared as UTF-8" + at, 400, endpoint, "application/json",
                    rawUtf8(valid, new byte[] {(byte) 0xE4, (byte) 0xFC})));
            cases.add(new Case("body over 1 MiB" + at, 413, () -> http.method(endpoint.method(), endpoint.path()).as(endpoint.user())
                    .body("application/json", hugeJson(1_200_000)).send()));
            cases.add(new Case("chunked body over 1 MiB" + at, 413, () -> http.method(endpoint.method(), endpoint.path()).as(endpoint.user())
                    .chunked("application/json", hugeJson(1_200_000)).send()));
            cases.add(post("text/plain" + at, 415, endpoint, "text/plain", valid));
            cases.add(post("application/xml" + at, 415, endpoint, "application/xml", "<service/>"));
            cases.add(post("form encoded" + at, 415, endpoint, "application/x-www-form-urlencoded", "name=x"));
            cases.add(new Case("no content type" + at, 415, () -> http.method(endpoint.method(), endpoint.path()).as(endpoint.user())
                    .body(null, valid.getBytes(StandardCharsets.UTF_8)).send()));
        }

        // odd ids in paths
        for (String id : List.of("..%2F..%2Fadmin", "..", "%2e%2e", "abc%00def", "%00", "x;jsessionid=1", "a%20b", "%E2%80%AE"
                + "gnp.exe", "\u00e4".repeat(1), "9".repeat(4000), "{\"$gt\":\"\"}".replace("\"", "%22").replace("{", "%7B").replace("}", "%7D"))) {
            String encoded = id.equals("\u00e4") ? "%C3%A4" : id;
            cases.add(pathCase("GET /services/" + id, "/api/v1/services/" + encoded));
            cases.add(pathCase("GET /adoptions/" + id, "/api/v1/adoptions/" + encoded));
            cases.add(pathCase("GET /cooperations/" + id, "/api/v1/cooperations/" + encoded));
            cases.add(pathCase("GET /municipalities/" + id, "/api/v1/municipalities/" + encoded));
            cases.add(pathCase("GET /regions/" + id, "/api/v1/regions/" + encoded));
            cases.add(pathCase("GET /dv/v1/data/" + id, "/dv/v1/data/" + encoded));
            cases.add(pathCase("GET /lookup/" + id, "/api/v1/lookup/" + encoded));
            cases.add(pathCase("GET /jobs/" + id, "/api/v1/jobs/" + encoded));
            cases.add(new Case("POST /services/" + id + "/versions", 400, () -> http.post("/api/v1/services/" + encoded + "/versions")
                    .as("thueringen").json(map("version", "3.0.0", "maturityLevel", 3, "releasedOn", "2022-01-01")).send()));
            cases.add(new Case("POST /services/{id}/versions/" + id + "/deprecation", 400, () -> http.post("/api/v1/services/"
                    + serviceId + "/versions/" + encoded + "/deprecation").as("thueringen").json(map("sunsetOn", "2030-01-01")).send()));
            cases.add(new Case("POST /adoptions/" + id + "/termination", 400, () -> http.post("/api/v1/adoptions/" + encoded
                    + "/termination").as("thueringen").json(map("endsOn", "2024-01-01")).send()));
            cases.add(new Case("DELETE /cooperations/{id}/members/" + id, 400, () -> http.delete("/api/v1/cooperations/"
                    + cooperationId + "/members/" + encoded + "?leftOn=2024-01-01").as("admin").send()));
        }

        // bad query parameters
        for (String query : List.of(
                "/api/v1/services?page=-1", "/api/v1/services?size=100000", "/api/v1/services?size=abc", "/api/v1/services?page=1e3",
                "/api/v1/services?providingState=99", "/api/v1/services?providingState=%7B%22$gt%22:%22%22%7D",
                "/api/v1/services?status=SOMETHING", "/api/v1/services?leikaKey=1", "/api/v1/municipalities?state=1",
                "/api/v1/municipalities?district=abc", "/api/v1/municipalities?size=0",
                "/api/v1/regions/16072", "/api/v1/regions/990000000000", "/api/v1/regions/16072000000x",
                "/api/v1/regions/%7B%22$gt%22:%22%22%7D", "/api/v1/regions/160720000000?level=KREIS",
                "/api/v1/regions?level=%7B%7D", "/api/v1/regions?state=17", "/api/v1/regions?size=501", "/api/v1/regions?page=-1",
                "/dv/v1/data/16072", "/dv/v1/data/990000000000", "/dv/v1/data/160000000000?page=-1",
                "/dv/v1/data/160000000000?size=0", "/dv/v1/data/160000000000?size=100000", "/dv/v1/data/160000000000?page=1e3",
                "/dv/v1/data/160000000000?filetype=exe", "/dv/v1/data/160000000000?filetype=%00",
                "/dv/v1/data/160000000000?includeAbove=1", "/dv/v1/data/160000000000?includeBelow=%7B%7D",
                "/dv/v1/data/160000000000?order=random", "/dv/v1/data?page=%7B%22$gt%22:%22%22%7D", "/dv/v1/data?size=-5",
                "/dv/v1/ars?page=abc", "/dv/v1/ars?order=" + "x".repeat(10_000),
                "/api/v1/services/" + "00000000-0000-0000-0000-000000000000".replace('0', 'z') + "/adoptions",
                "/api/v1/lookup/16051000?asOf=2023-02-30", "/api/v1/lookup/16051000?asOf=yesterday",
                "/api/v1/lookup/16051000?asOf=%00", "/api/v1/lookup/16051000?leikaKey=%7B%7D",
                "/api/v1/stats/coverage?groupBy=everything", "/api/v1/stats/coverage?state=00",
                "/api/v1/stats/coverage?asOf=2024-02-30", "/api/v1/stats/cross-border?asOf=%7B%22$gt%22:%22%22%7D",
                "/api/v1/stats/maturity?asOf=" + "9".repeat(10_000),
                "/api/v1/services/00000000-0000-4000-8000-000000000000?asOf=tomorrow",
                "/api/v1/stats/timeline?interval=year", "/api/v1/stats/timeline?from=2024-13-01",
                "/api/v1/stats/timeline?from=2024-02-01&to=2023-01-01",
                "/api/v1/audit/events?after=abc", "/api/v1/audit/events?limit=-5", "/api/v1/audit/events?from=notatime",
                "/api/v1/audit/events/export?from=2023-02-30", "/api/v1/audit/register?asOf=yesterday",
                "/api/v1/admin/projections/..%2F..%2Fevents")) {
            cases.add(new Case("GET " + query, 400,
                    () -> http.get(query).as("admin").send()));
        }
        // authorities: unknown, of another state, badly formed, oversized
        cases.add(new Case("adoption naming an unknown authority", 422, () -> http.post("/api/v1/adoptions").as("thueringen")
                .json(map("serviceId", serviceId, "ags", "16053000", "effectiveFrom", "2023-07-01",
                        "authorityId", "9e1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b")).send()));
        cases.add(new Case("adoption naming an authority of another state", 422, () -> http.post("/api/v1/adoptions")
                .as("thueringen").json(map("serviceId", serviceId, "ags", "16053000", "effectiveFrom", "2023-07-01",
                        "authorityId", bavarianAuthorityId)).send()));
        cases.add(new Case("bulk adoption naming an authority of another state", 422, () -> http.post("/api/v1/adoptions/bulk")
                .as("thueringen").json(map("serviceId", serviceId, "effectiveFrom", "2023-07-01", "district", "16072",
                        "authorityId", bavarianAuthorityId)).send()));
        cases.add(new Case("authority change to an authority of another state", 422, () -> http.post("/api/v1/adoptions/"
                + adoptionId + "/authority").as("thueringen").json(map("authorityId", bavarianAuthorityId,
                "effectiveFrom", "2024-01-01")).send()));
        cases.add(new Case("authority change to an unknown authority", 422, () -> http.post("/api/v1/adoptions/"
                + adoptionId + "/authority").as("thueringen").json(map("authorityId", "9e1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b",
                "effectiveFrom", "2024-01-01")).send()));
        cases.add(new Case("PUT /authorities moving it to another state", 422, () -> http.method("PUT", "/api/v1/authorities/"
                + authorityId).as("admin").json(AuthorityHttpTest.authorityBody("Bürgeramt Weimar", "09")).send()));
        cases.add(new Case("PUT /authorities of malformed JSON", 400, () -> http.method("PUT", "/api/v1/authorities/"
                + authorityId).as("thueringen").body("application/json", "{\"name\": ").send()));
        cases.add(new Case("PUT /authorities with a signature of two parts", 400, () -> http.method("PUT", "/api/v1/authorities/"
                + authorityId).as("thueringen").json(with(AuthorityHttpTest.authorityBody("Bürgeramt Weimar", "16"),
                "destinationSignature", "eyJhbGciOiJQUzUxMiJ9.eyJ9")).send()));
        cases.add(new Case("POST /authorities with a 10,000-character name", 400, () -> http.post("/api/v1/authorities")
                .as("thueringen").json(with(AuthorityHttpTest.authorityBody("x", "16"), "name", "x".repeat(10_000))).send()));
        cases.add(new Case("POST /authorities without any contact", 400, () -> http.post("/api/v1/authorities")
                .as("thueringen").json(with(AuthorityHttpTest.authorityBody("Bürgeramt Jena", "16"), "contact", map())).send()));
        cases.add(new Case("POST /authorities with a website over http", 400, () -> http.post("/api/v1/authorities")
                .as("thueringen").json(with(AuthorityHttpTest.authorityBody("Bürgeramt Jena", "16"), "websiteUrl",
                        "http://www.jena.de")).send()));
        for (String query : List.of("/api/v1/authorities/not-a-uuid", "/api/v1/authorities?state=17",
                "/api/v1/authorities?q=" + "x".repeat(10_000), "/api/v1/authorities?size=501")) {
            cases.add(new Case("GET " + abbreviated(query), 400, () -> http.get(query).as("analyst").send()));
        }
        // the FIT-Connect Routing API: the API's error shape for every bad request
        String key = "leikaKey=99108001000000";
        for (String query : List.of("routes?ags=16", "routes?leikaKey=12345678901234&ags=16",
                "routes?leikaKey=" + "9".repeat(10_000) + "&ags=16", "routes?" + key, "routes?" + key + "&ags=16&ars=16",
                "routes?" + key + "&ags=16&areaId=160000000000", "routes?" + key + "&ags=1605", "routes?" + key + "&ars=1605100",
                "routes?" + key + "&areaId=abc", "routes?" + key + "&ags=16&offset=-1", "routes?" + key + "&ags=16&limit=0",
                "routes?" + key + "&ags=16&limit=501", "routes?" + key + "&ags=16&offset=99999999999999999999",
                "routes?" + key + "&ags=%7B%22$gt%22:%22%22%7D", "areas", "areas?areaSearchexpression=*",
                "areas?areaSearchexpression=**", "areas?areaSearchexpression=" + "x".repeat(10_000),
                "areas?areaSearchexpression=a1&areaSearchexpression=a2&areaSearchexpression=a3&areaSearchexpression=a4"
                        + "&areaSearchexpression=a5&areaSearchexpression=a6&areaSearchexpression=a7&areaSearchexpression=a8"
                        + "&areaSearchexpression=a9&areaSearchexpression=b1&areaSearchexpression=b2",
                "areas?areaSearchexpression=Mag*&limit=501", "areas?areaSearchexpression=Mag*&offset=-1")) {
            cases.add(new Case("GET /fit-connect/v1/" + abbreviated(query), 400,
                    () -> http.get("/fit-connect/v1/" + query).as("analyst").send()));
        }
        cases.add(new Case("DELETE member with invalid leftOn", 400, () -> http.delete("/api/v1/cooperations/" + cooperationId
                + "/members/16?leftOn=2023-02-30").as("admin").send()));
        cases.add(new Case("DELETE member without leftOn", 400, () -> http.delete("/api/v1/cooperations/" + cooperationId
                + "/members/16").as("admin").send()));
        cases.add(new Case("Registry-Min-Position not a number", 400, () -> http.get("/api/v1/services")
                .header("Registry-Min-Position", "abc").as("admin").send()));
        cases.add(new Case("Registry-Min-Position negative", 400, () -> http.get("/api/v1/services")
                .header("Registry-Min-Position", "-1").as("admin").send()));
        cases.add(new Case("Registry-Min-Position below Long.MIN_VALUE", 400, () -> http.get("/api/v1/services")
                .header("Registry-Min-Position", "-99999999999999999999").as("admin").send()));
        cases.add(new Case("GET /error", 404, () -> http.get("/error").as("admin").send()));
        cases.add(new Case("GET /error without credentials", 404, () -> http.get("/error").send()));
        // a countersignature's body is optional, so it is not in the table of bodies above; what it may hold is checked
        String signature = "/api/v1/agreements/" + agreementId + "/signature";
        cases.add(new Case("countersignature of malformed JSON", 400, () -> http.post(signature).as("bayern")
                .body("application/json", "{\"state\": ").send()));
        cases.add(new Case("countersignature naming a state that is none", 400, () -> http.post(signature).as("bayern")
                .json(map("state", "99")).send()));
        cases.add(new Case("countersignature with an operator", 400, () -> http.post(signature).as("bayern")
                .json(map("state", OPERATOR)).send()));
        cases.add(new Case("countersignature on an invalid date", 400, () -> http.post(signature).as("bayern")
                .json(map("signedOn", "2024-02-30")).send()));
        cases.add(new Case("countersignature with an unknown agreement id form", 400, () -> http.post(
                "/api/v1/agreements/not-a-uuid/signature").as("bayern").send()));
        cases.add(new Case("POST /error", 404, () -> http.post("/error").as("admin").json(map("x", 1)).send()));
        String onlineStatus = "/api/v1/services/" + serviceId + "/versions/1.0.0/online-status";
        for (String status : List.of("kaputt", "OK", "NOT_OK", "nicht_ok", "ok ", "")) {
            cases.add(new Case("online status '" + status + "'", 400, () -> http.post(onlineStatus).as("thueringen")
                    .json(map("status", status)).send()));
        }
        cases.add(new Case("online status detail of 501 characters", 400, () -> http.post(onlineStatus).as("thueringen")
                .json(map("status", "ok", "detail", "x".repeat(501))).send()));
        cases.add(new Case("online status of a version that is no version", 400, () -> http.post("/api/v1/services/"
                + serviceId + "/versions/1.x/online-status").as("thueringen").json(map("status", "ok")).send()));
        cases.add(new Case("Idempotency-Key too long", 400, () -> http.post("/api/v1/services").as("thueringen")
                .header("Idempotency-Key", "x".repeat(300)).json(map("leikaKey", freshLeikaKey(), "name", "D",
                        "providingState", "16", "reuse", "EFA")).send()));

        // the directory import
        String importPath = "/api/v1/admin/municipalities/import";
        cases.add(new Case("import as JSON", 415, () -> http.post(importPath).as("admin").body("application/json", "{}").send()));
        cases.add(new Case("import of garbage", 400, () -> http.post(importPath).as("admin").body("text/plain", "{\"$gt\": \"\"}").send()));
        cases.add(new Case("import of binary", 400, () -> http.post(importPath).as("admin")
                .body("text/plain", new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 10, 0}).send()));
        cases.add(new Case("import of garbage, respond-async", 400, () -> http.post(importPath).as("admin")
                .header("Prefer", "respond-async").body("text/plain", "{\"$gt\": \"\"}").send()));
        cases.add(new Case("bulk adoption of malformed JSON, respond-async", 400, () -> http.post("/api/v1/adoptions/bulk")
                .as("thueringen").header("Prefer", "respond-async").body("application/json", "{\"serviceId\": ").send()));
        cases.add(new Case("bulk adoption naming two selectors, respond-async", 400, () -> http.post("/api/v1/adoptions/bulk")
                .as("thueringen").header("Prefer", "respond-async").json(map("serviceId", serviceId, "effectiveFrom",
                        "2023-07-01", "state", "16", "district", "16055")).send()));
        cases.add(new Case("import of an empty body", 400, () -> http.post(importPath).as("admin").body("text/plain", new byte[0]).send()));
        cases.add(new Case("import over 32 MiB", 413, () -> http.post(importPath).as("admin")
                .body("text/plain", new byte[33 << 20]).send()));
        // the attack: one byte that is not UTF-8 in a record's blanks, so that every record keeps its form — read as
        // ISO-8859-1 each umlaut became two characters and Göttingen got 20,000,011,894 inhabitants
        byte[] brokenUtf8 = brokenInTheLastRecordsBlanks(directory().getBytes(StandardCharsets.UTF_8));
        cases.add(new Case("import declared UTF-8 with one byte that is not", 400, () -> http.post(importPath).as("admin")
                .body("text/plain;charset=UTF-8", brokenUtf8).send()));
        cases.add(new Case("import of UTF-8 with one broken byte, no charset declared", 400, () -> http.post(importPath)
                .as("admin").body("text/plain", brokenUtf8).send()));
        cases.add(new Case("import of ISO-8859-1 declared as UTF-8", 400, () -> http.post(importPath).as("admin")
                .body("text/plain; charset=utf-8", directory().getBytes(StandardCharsets.ISO_8859_1)).send()));
        cases.add(new Case("import of UTF-8 declared as US-ASCII", 400, () -> http.post(importPath).as("admin")
                .body("text/plain;charset=US-ASCII", directory().getBytes(StandardCharsets.UTF_8)).send()));
        cases.add(directoryCase("import of a record cut short (no population)", () -> line(GOETTINGEN, l -> l.substring(0, 139))));
        cases.add(directoryCase("import of a record with shifted columns", () -> line(GOETTINGEN, l -> l.substring(0, 22) + " "
                + l.substring(22))));
        cases.add(directoryCase("import of a population of 20 billion", () -> population("20000011894")));
        cases.add(directoryCase("import of a population above 5 million", () -> population("00005000001")));
        cases.add(directoryCase("import of a population that is no number", () -> population("0000011894x")));
        cases.add(directoryCase("import of a name with an RTL override", () -> name("\u202EnegnittöG")));
        cases.add(directoryCase("import of a name with NUL", () -> name("Gött\u0000ingen")));
        cases.add(directoryCase("import of a blank name", () -> name("")));
        cases.add(directoryCase("import listing a municipality twice", () -> directory() + directory().split("\n")[GOETTINGEN - 1] + "\n"));
        cases.add(directoryCase("import of the directory repeated 2,000 times", () -> directory().repeat(2_000)));
        cases.add(directoryCase("import of an unknown record type", () -> line(2, l -> "99" + l.substring(2))));
        cases.add(directoryCase("import of a day that does not exist", () -> line(GOETTINGEN, l -> l.substring(0, 2) + "20230230"
                + l.substring(10))));
        return cases;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static String abbreviated(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "… (" + text.length() + " characters)";
    }

    /** The demo directory file every test of the base class imported (UTF-8). */
    private static String directory() {
        try {
            return new String(new ClassPathResource("demo/gv100ad-demo.txt").getContentAsByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory with one line changed (1-based). */
    private static String line(int number, UnaryOperator<String> change) {
        List<String> lines = new ArrayList<>(List.of(directory().split("\n", -1)));
        lines.set(number - 1, change.apply(lines.get(number - 1)));
        return String.join("\n", lines);
    }

    private static String population(String digits) {
        return line(GOETTINGEN, l -> l.substring(0, 139) + digits + l.substring(150));
    }

    private static String name(String name) {
        return line(GOETTINGEN, l -> l.substring(0, 22) + (name + " ".repeat(50)).substring(0, 50) + l.substring(72));
    }

    private static byte[] brokenInTheLastRecordsBlanks(byte[] utf8) {
        byte[] out = utf8.clone();
        int lastBlank = out.length - 2; // the file ends with blanks and a line feed
        assertThat(out[lastBlank]).isEqualTo((byte) ' ');
        out[lastBlank] = (byte) 0xFF;
        return out;
    }

    /** A directory import of the text (made only when the case runs: the repeated directory is 28 MB). */
    private Case directoryCase(String name, Supplier<String> text) {
        return new Case(name, 400, () -> http.post(IMPORT).as("admin")
                .body("text/plain;charset=UTF-8", text.get().getBytes(StandardCharsets.UTF_8)).send());
    }

    /** Bad values for any single field; every field of every endpoint must refuse each of them. */
    static Map<String, Object> badValues() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("as an operator", OPERATOR);
        bad.put("as an object", map("value", "x"));
        bad.put("as a huge string", "x".repeat(1_000_000 - 1_000));
        bad.put("with NUL", "16\u0000");
        bad.put("with an RTL override", "\u202E16");
        bad.put("with a lone surrogate", LONE_SURROGATE);
        bad.put("emoji", "\uD83D\uDE00");
        bad.put("as an invalid date", "2023-02-30");
        bad.put("blank", " ");
        return bad;
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInputIsRefusedWithAProblemAndStoresNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case hostile : cases()) {
            tests.add(DynamicTest.dynamicTest(hostile.name() + " → " + hostile.status(), () -> {
                long before = eventCount();
                RawHttp.Answer answer = hostile.send().get();
                assertThat(answer.status()).as("%s: %s", hostile.name(), answer).isEqualTo(hostile.status());
                assertThat(answer.header("Content-Type")).as("%s: %s", hostile.name(), answer).startsWith(PROBLEM_JSON);
                assertThat(answer.body()).as(hostile.name()).doesNotContain("Exception", "\tat ", "at org.", "at java.", "at de.efa");
                assertThat(answer.json()).containsEntry("status", hostile.status()).containsKeys("type", "title");
                assertThat(eventCount()).as("%s stored nothing", hostile.name()).isEqualTo(before);
            }));
        }
        return tests.stream();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefusedDirectoryNamesItsBadLinesAndChangesNothing() {
        // a new municipality beside two bad records: the whole file is refused, the new one stays unknown
        String goettingen = directory().split("\n")[GOETTINGEN - 1];
        String newcomer = goettingen.substring(0, 15) + "099" + goettingen.substring(18, 22)
                + ("Neudorf" + " ".repeat(50)).substring(0, 50) + goettingen.substring(72);
        String file = line(GOETTINGEN, l -> l.substring(0, 139) + "20000011894" + l.substring(150)) + newcomer + "\n"
                + goettingen.substring(0, 100) + "\n";
        long before = eventCount();

        RawHttp.Answer refused = http.post(IMPORT).as("admin").body("text/plain;charset=UTF-8", file).send();

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat((String) refused.json().get("detail")).contains("2 records are invalid", "Nothing was changed");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.json().get("errors");
        int lines = directory().split("\n", -1).length;
        assertThat(errors).extracting(e -> e.get("line")).containsExactly(GOETTINGEN, lines + 1);
        assertThat((String) errors.get(0).get("reason")).contains("20000011894");
        assertThat((String) errors.get(1).get("reason")).contains("100 characters");
        assertThat(refused.json()).containsEntry("invalidRecords", 2);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(http.get("/api/v1/municipalities/03159099").as("admin").send().status()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDirectoryWithManyBadRecordsListsTheFirstTwentyAndCountsTheRest() {
        RawHttp.Answer refused = http.post(IMPORT).as("admin")
                .body("text/plain;charset=UTF-8", directory().repeat(3)).send();
        // every record but BW's planning regions (30) names a municipality or region that may be listed once
        long perCopy = directory().lines().filter(l -> !l.isBlank() && !l.startsWith("30")).count();
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat((List<Object>) refused.json().get("errors")).hasSize(20);
        assertThat(refused.json()).containsEntry("invalidRecords", (int) (2 * perCopy));
        assertThat((String) refused.json().get("detail")).contains("first 20", (2 * perCopy - 20) + " more");
    }

    @Test
    void ambiguousJsonIsRefusedSayingWhatIsAmbiguous() {
        String valid = "{\"name\":\"Kooperation\",\"foundingStates\":[\"16\",\"09\"],\"signedOn\":\"2021-03-01\"}";
        RawHttp.Answer twice = http.post("/api/v1/cooperations").as("thueringen")
                .body("application/json", valid.replace("{", "{\"name\":\"Andere\",")).send();
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json()).containsEntry("detail", "The request body names the field 'name' more than once; name every field once");
        RawHttp.Answer two = http.post("/api/v1/cooperations").as("thueringen").body("application/json", valid + valid).send();
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json()).containsEntry("detail", "The request body holds more than one JSON value; send exactly one");
    }

    @Test
    void aWrongWordNamesTheWordsAllowed() {
        RawHttp.Answer body = http.post("/api/v1/services").as("thueringen").json(map("leikaKey", freshLeikaKey(),
                "name", "Dienst", "providingState", "16", "reuse", "EVERYONE")).send();
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.json()).containsEntry("detail", "Field 'reuse' must be one of EFA, STATE_ONLY");
        RawHttp.Answer parameter = http.get("/api/v1/services?status=SOMETHING").as("analyst").send();
        assertThat(parameter.status()).isEqualTo(400);
        assertThat((String) parameter.json().get("detail")).startsWith("Parameter 'status' must be one of ")
                .contains("ACTIVE");
    }

    @Test
    void aRefusalNamesTheRoleItNeeds() {
        assertThat(forbidden(http.get("/api/v1/audit/events").as("thueringen").send()))
                .isEqualTo("This needs one of the roles AUDITOR, ADMIN");
        assertThat(forbidden(http.get("/api/v1/stats/maturity").as("thueringen").send()))
                .isEqualTo("This needs one of the roles ANALYST, AUDITOR, ADMIN");
        assertThat(forbidden(http.post(IMPORT).as("thueringen").body("text/plain", "x").send()))
                .isEqualTo("This needs the role ADMIN");
        assertThat(forbidden(http.post("/api/v1/services").as("analyst").json(map("leikaKey", freshLeikaKey(),
                "name", "Dienst", "providingState", "16", "reuse", "EFA")).send()))
                .isEqualTo("This needs the role OWNER (of the state concerned) or ADMIN");
        assertThat(forbidden(http.post("/api/v1/services").as("bayern").json(map("leikaKey", freshLeikaKey(),
                "name", "Dienst", "providingState", "16", "reuse", "EFA")).send()))
                .isEqualTo("bayern may not act for state 16: this needs the role OWNER of state 16 or ADMIN");
    }

    @Test
    void anUnknownRecordIsNamedByItsKind() {
        RawHttp.Answer adoption = http.post("/api/v1/adoptions").as("thueringen")
                .json(map("serviceId", serviceId, "ags", "16099999", "effectiveFrom", "2023-07-01")).send();
        assertThat(adoption.status()).as("%s", adoption).isEqualTo(404);
        assertThat(adoption.json()).containsEntry("detail", "No municipality with AGS 16099999");
    }

    private static String forbidden(RawHttp.Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        return (String) answer.json().get("detail");
    }

    private Case post(String name, int status, JsonEndpoint endpoint, String contentType, String body) {
        return post(name, status, endpoint, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private Case post(String name, int status, JsonEndpoint endpoint, String contentType, byte[] body) {
        return new Case(name, status, () -> http.method(endpoint.method(), endpoint.path()).as(endpoint.user()).body(contentType, body).send());
    }

    private Case pathCase(String name, String path) {
        return new Case(name, 400, () -> http.get(path).as("admin").send());
    }

    private static Map<String, Object> replaceAll(Map<String, Object> valid, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        valid.keySet().forEach(k -> body.put(k, value));
        return body;
    }

    private static String json(Object value) {
        try {
            return RawHttp.JSON.writeValueAsString(value).replace(LONE_SURROGATE, "x\\uD800x");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The valid body with raw bytes spliced into its first string value: no longer valid UTF-8. */
    private static byte[] rawUtf8(String valid, byte[] splice) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        int at = valid.indexOf("\":\"") + 3;
        byte[] out = new byte[bytes.length + splice.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(splice, 0, out, at, splice.length);
        System.arraycopy(bytes, at, out, at + splice.length, bytes.length - at);
        return out;
    }

    private static byte[] hugeJson(int size) {
        return ("{\"name\":\"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
