package de.efa.registry.standalone.security;

import de.efa.registry.standalone.authority.AuthorityHttpTest;
import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller → the expected status, all generated from the one table below: a row names
 * the endpoint, who may call it and what success answers; the expected code for each caller follows from that.
 * Writes build fresh targets for every call (as ADMIN), so that a success is never turned into a conflict by the
 * caller before.
 */
class AuthorizationMatrixHttpTest extends StandaloneHttpTestBase {

    /** Who may call an endpoint. */
    enum Access {
        PUBLIC, AUTHENTICATED, STATS, AUDIT, ADMIN, OWNER, STARTER
    }

    record Caller(String user, String role, String state) {
        @Override
        public String toString() {
            return user == null ? "anonymous" : user;
        }
    }

    static final List<Caller> CALLERS = List.of(
            new Caller(null, null, null),
            new Caller("thueringen", "OWNER", "16"),
            new Caller("bayern", "OWNER", "09"),
            new Caller("niedersachsen", "OWNER", "03"),
            new Caller("sachsen", "OWNER", "14"),
            new Caller("auditor", "AUDITOR", null),
            new Caller("analyst", "ANALYST", null),
            new Caller("admin", "ADMIN", null));

    /**
     * One endpoint: who may call it ({@code states} for OWNER rows, the principal's name for STARTER rows), what
     * success answers, how to call it.
     */
    record Row(String endpoint, Access access, Set<String> states, int success, Supplier<RawHttp.Call> call) {

        int expectedFor(Caller caller) {
            if (access == Access.PUBLIC) {
                return success;
            }
            if (caller.user() == null) {
                return 401;
            }
            boolean allowed = switch (access) {
                case PUBLIC, AUTHENTICATED -> true;
                case STATS -> Set.of("ANALYST", "AUDITOR", "ADMIN").contains(caller.role());
                case AUDIT -> Set.of("AUDITOR", "ADMIN").contains(caller.role());
                case ADMIN -> "ADMIN".equals(caller.role());
                case OWNER -> "ADMIN".equals(caller.role()) || ("OWNER".equals(caller.role()) && states.contains(caller.state()));
                case STARTER -> "ADMIN".equals(caller.role()) || states.contains(caller.user());
            };
            return allowed ? success : 403;
        }
    }

    private static Row row(String endpoint, Access access, int success, Supplier<RawHttp.Call> call) {
        return new Row(endpoint, access, Set.of(), success, call);
    }

    private static Row owner(String endpoint, int success, Supplier<RawHttp.Call> call, String... states) {
        return new Row(endpoint, Access.OWNER, Set.of(states), success, call);
    }

    private static final AtomicInteger MINOR = new AtomicInteger();
    private static String serviceId;
    private static String adoptionId;
    private static String cooperationId;
    private static String offerId;
    private static String agreementId;
    private static String position;
    private static String job;
    private static String authorityId;
    private static String routedLeikaKey;

    @BeforeEach
    void fixture() {
        if (serviceId == null) {
            serviceId = registerService("thueringen", "16", "EFA");
            publish("thueringen", serviceId, "1.0.0");
            adoptionId = adopt("thueringen", serviceId, "16051000");
            RawHttp.Answer founded = http.post("/api/v1/cooperations").as("admin")
                    .json(map("name", "Matrix", "foundingStates", List.of("16", "09"), "signedOn", "2021-03-01")).send();
            cooperationId = (String) founded.json().get("cooperationId");
            offerId = freshOffer();
            agreementId = freshAgreement(true);
            position = founded.header("Registry-Position");
            RawHttp.Answer accepted = http.post("/api/v1/adoptions/bulk").as("thueringen").header("Prefer", "respond-async")
                    .json(map("serviceId", serviceId, "district", "16055", "effectiveFrom", "2023-07-01")).send();
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            job = accepted.header("Location");
            authorityId = (String) http.post("/api/v1/authorities").as("thueringen")
                    .json(AuthorityHttpTest.authorityBody("Wohngeldstelle Weimar", "16")).send().json().get("authorityId");
            routedLeikaKey = freshLeikaKey();
            RawHttp.Answer service = http.post("/api/v1/services").as("thueringen").json(map("leikaKey", routedLeikaKey,
                    "name", "Wohngeld", "providingState", "16", "reuse", "EFA")).send();
            String routed = (String) service.json().get("serviceId");
            publish("thueringen", routed, "1.0.0");
            RawHttp.Answer adopted = http.post("/api/v1/adoptions").as("thueringen").json(map("serviceId", routed,
                    "ags", "16055000", "effectiveFrom", "2023-07-01", "authorityId", authorityId)).send();
            assertThat(adopted.status()).as("%s", adopted).isEqualTo(201);
            position = adopted.header("Registry-Position");
        }
    }

    List<Row> table() {
        return List.of(
                // reference data
                row("POST /admin/municipalities/import", Access.ADMIN, 200, () -> http.post("/api/v1/admin/municipalities/import")
                        .body("text/plain", directoryFixture())),
                row("POST /admin/municipalities/import (respond-async)", Access.ADMIN, 202, () -> http.post(
                        "/api/v1/admin/municipalities/import").header("Prefer", "respond-async").body("text/plain", directoryFixture())),
                row("GET /municipalities/{ags}", Access.AUTHENTICATED, 200, () -> read("/api/v1/municipalities/16051000")),
                row("GET /municipalities", Access.AUTHENTICATED, 200, () -> read("/api/v1/municipalities?state=16")),
                row("GET /regions/{ars}", Access.PUBLIC, 200, () -> read("/api/v1/regions/160000000000")),
                row("GET /regions", Access.PUBLIC, 200, () -> read("/api/v1/regions?level=DISTRICT&state=16")),
                // the Dashboard Digitale Verwaltung's data API; like the regions open to everyone (open data is on in the standalone)
                row("GET /dv/v1/data", Access.PUBLIC, 200, () -> read("/dv/v1/data?size=5")),
                row("GET /dv/v1/data/{ars}", Access.PUBLIC, 200, () -> read("/dv/v1/data/160000000000")),
                row("GET /dv/v1/data/{ars} (csv)", Access.PUBLIC, 200, () -> read("/dv/v1/data/160000000000?filetype=csv")),
                row("GET /dv/v1/data/{ars} (xlsx)", Access.PUBLIC, 200, () -> read("/dv/v1/data/160000000000?filetype=xlsx")),
                row("GET /dv/v1/ars", Access.PUBLIC, 200, () -> read("/dv/v1/ars")),
                // cooperations
                owner("POST /cooperations", 201, () -> http.post("/api/v1/cooperations")
                        .json(map("name", "K", "foundingStates", List.of("16", "09"), "signedOn", "2021-03-01")), "16", "09"),
                owner("POST /cooperations/{id}/members", 201, () -> http.post("/api/v1/cooperations/" + freshCooperation() + "/members")
                        .json(map("state", "03", "joinedOn", "2022-01-01")), "03"),
                owner("DELETE /cooperations/{id}/members/{state}", 200, () -> http.delete("/api/v1/cooperations/"
                        + freshCooperation() + "/members/16?leftOn=2023-01-01"), "16"),
                owner("POST /cooperations/{id}/signatures", 201, () -> http.post("/api/v1/cooperations/"
                        + pendingCooperation() + "/signatures").json(map("state", "09", "signedOn", "2021-04-01")), "09"),
                row("GET /cooperations", Access.AUTHENTICATED, 200, () -> read("/api/v1/cooperations")),
                row("GET /cooperations/{id}", Access.AUTHENTICATED, 200, () -> read("/api/v1/cooperations/" + cooperationId)),
                // reuse: the providing state offers, another declares interest, either proposes, the other countersigns
                owner("POST /services/{id}/offers", 201, () -> http.post("/api/v1/services/" + serviceId + "/offers")
                        .json(map("terms", "t", "costModel", "FREE", "validFrom", "2024-01-01")), "16"),
                owner("POST /offers/{id}/interests", 201, () -> http.post("/api/v1/offers/" + freshOffer() + "/interests")
                        .json(map("state", "09")), "09"),
                owner("POST /agreements", 201, () -> http.post("/api/v1/agreements").json(map("serviceId", serviceId,
                        "adoptingState", "09", "legalBasis", "FIT_STORE", "reference", "R", "validFrom", "2024-03-01")), "16", "09"),
                owner("POST /agreements/{id}/signature", 201, () -> http.post("/api/v1/agreements/" + freshAgreement(false)
                        + "/signature").json(map("state", "09")), "09"),
                owner("POST /agreements/{id}/termination", 200, () -> http.post("/api/v1/agreements/" + freshAgreement(true)
                        + "/termination").json(map("endsOn", "2026-01-01", "state", "16")), "16"),
                row("GET /services/{id}/offers", Access.AUTHENTICATED, 200, () -> read("/api/v1/services/" + serviceId + "/offers")),
                row("GET /offers/{id}", Access.AUTHENTICATED, 200, () -> read("/api/v1/offers/" + offerId)),
                row("GET /agreements", Access.AUTHENTICATED, 200, () -> read("/api/v1/agreements?state=09")),
                row("GET /agreements/{id}", Access.AUTHENTICATED, 200, () -> read("/api/v1/agreements/" + agreementId)),
                // services
                owner("POST /services", 201, () -> http.post("/api/v1/services").json(map("leikaKey", freshLeikaKey(),
                        "name", "D", "providingState", "16", "reuse", "EFA")), "16"),
                owner("PUT /services/{id}", 200, () -> http.method("PUT", "/api/v1/services/" + serviceId)
                        .json(map("ozgId", 10214, "typisierung", MINOR.incrementAndGet() % 10 + 1)), "16"),
                owner("POST /services/{id}/versions", 201, () -> http.post("/api/v1/services/" + serviceId + "/versions")
                        .json(map("version", "1." + MINOR.incrementAndGet() + ".0", "maturityLevel", 2, "releasedOn", "2022-02-01")), "16"),
                owner("POST /services/{id}/versions/{v}/deprecation", 200, () -> http.post("/api/v1/services/"
                        + freshServiceWithVersion() + "/versions/1.0.0/deprecation").json(map("sunsetOn", "2030-01-01")), "16"),
                owner("POST /services/{id}/versions/{v}/retirement", 200, () -> http.post("/api/v1/services/"
                        + freshServiceWithVersion() + "/versions/1.0.0/retirement").json(map("retiredOn", "2030-01-01")), "16"),
                owner("POST /services/{id}/versions/{v}/online-status", 201, () -> http.post("/api/v1/services/"
                        + freshServiceWithVersion() + "/versions/1.0.0/online-status").json(map("status", "nicht ok")), "16"),
                row("GET /services", Access.AUTHENTICATED, 200, () -> read("/api/v1/services?providingState=16")),
                row("GET /services/{id}", Access.AUTHENTICATED, 200, () -> read("/api/v1/services/" + serviceId)),
                row("GET /services/{id}/adoptions", Access.AUTHENTICATED, 200, () -> read("/api/v1/services/" + serviceId + "/adoptions")),
                // adoptions: the municipality's state decides
                owner("POST /adoptions", 201, () -> http.post("/api/v1/adoptions").json(map("serviceId", freshServiceWithVersion(),
                        "ags", "16051000", "effectiveFrom", "2023-07-01")), "16"),
                owner("POST /adoptions/bulk", 200, () -> http.post("/api/v1/adoptions/bulk").json(map("serviceId",
                        freshServiceWithVersion(), "district", "16051", "effectiveFrom", "2023-07-01")), "16"),
                owner("POST /adoptions/bulk (respond-async)", 202, () -> http.post("/api/v1/adoptions/bulk")
                        .header("Prefer", "respond-async").json(map("serviceId", freshServiceWithVersion(), "district", "16051",
                                "effectiveFrom", "2023-07-01")), "16"),
                owner("POST /adoptions/{id}/version-switch", 200, () -> http.post("/api/v1/adoptions/" + freshAdoption(true)
                        + "/version-switch").json(map("version", "1.1.0", "effectiveFrom", "2024-01-01")), "16"),
                owner("POST /adoptions/{id}/termination", 200, () -> http.post("/api/v1/adoptions/" + freshAdoption(false)
                        + "/termination").json(map("endsOn", "2024-01-01")), "16"),
                row("GET /adoptions/{id}", Access.AUTHENTICATED, 200, () -> read("/api/v1/adoptions/" + adoptionId)),
                row("GET /lookup/{ags}", Access.AUTHENTICATED, 200, () -> read("/api/v1/lookup/16051000?asOf=2024-01-01")),
                owner("POST /adoptions/{id}/authority", 200, () -> http.post("/api/v1/adoptions/" + freshAdoption(false)
                        + "/authority").json(map("authorityId", authorityId, "effectiveFrom", "2024-01-01")), "16"),
                // authorities: the authority's state decides
                owner("POST /authorities", 201, () -> http.post("/api/v1/authorities")
                        .json(AuthorityHttpTest.authorityBody("Bürgeramt Jena", "16")), "16"),
                owner("PUT /authorities/{id}", 200, () -> http.method("PUT", "/api/v1/authorities/" + authorityId)
                        .json(AuthorityHttpTest.authorityBody("Wohngeldstelle Weimar " + MINOR.incrementAndGet(), "16")), "16"),
                row("GET /authorities/{id}", Access.AUTHENTICATED, 200, () -> read("/api/v1/authorities/" + authorityId)),
                row("GET /authorities", Access.AUTHENTICATED, 200, () -> read("/api/v1/authorities?state=16&q=weimar")),
                // the FIT-Connect Routing API: open data in the standalone (registry.open-data.enabled)
                row("GET /fit-connect/v1/routes", Access.PUBLIC, 200, () -> read("/fit-connect/v1/routes?leikaKey="
                        + routedLeikaKey + "&ags=16055000")),
                row("GET /fit-connect/v1/areas", Access.PUBLIC, 200, () -> read("/fit-connect/v1/areas?areaSearchexpression=Erf*")),
                row("GET /fit-connect/v1/info", Access.PUBLIC, 200, () -> read("/fit-connect/v1/info")),
                // jobs: only the principal who started one, or ADMIN
                new Row("GET /jobs/{id}", Access.STARTER, Set.of("thueringen"), 200, () -> http.get(job)),
                // statistics
                row("GET /stats/coverage", Access.STATS, 200, () -> read("/api/v1/stats/coverage")),
                row("GET /stats/coverage (CSV)", Access.STATS, 200, () -> read("/api/v1/stats/coverage").header("Accept", "text/csv")),
                row("GET /stats/cross-border", Access.STATS, 200, () -> read("/api/v1/stats/cross-border")),
                row("GET /stats/timeline", Access.STATS, 200, () -> read("/api/v1/stats/timeline?from=2023-01-01&to=2024-01-01&interval=month")),
                row("GET /stats/maturity", Access.STATS, 200, () -> read("/api/v1/stats/maturity")),
                row("GET /stats/reuse", Access.STATS, 200, () -> read("/api/v1/stats/reuse?providingState=16")),
                row("GET /stats/reuse (CSV)", Access.STATS, 200, () -> read("/api/v1/stats/reuse").header("Accept", "text/csv")),
                // audit
                row("GET /audit/events", Access.AUDIT, 200, () -> read("/api/v1/audit/events?limit=5")),
                row("GET /audit/events/export", Access.AUDIT, 200, () -> read("/api/v1/audit/events/export")),
                row("GET /audit/aggregates/{id}/history", Access.AUDIT, 200, () -> read("/api/v1/audit/aggregates/" + serviceId + "/history")),
                row("GET /audit/integrity", Access.AUDIT, 200, () -> read("/api/v1/audit/integrity")),
                row("GET /audit/register", Access.AUDIT, 200, () -> read("/api/v1/audit/register?asOf=2030-01-01T00:00:00Z")),
                // operations
                row("GET /admin/projections", Access.ADMIN, 200, () -> read("/api/v1/admin/projections")),
                row("GET /admin/projections/{name}", Access.ADMIN, 200, () -> read("/api/v1/admin/projections/lookup")),
                row("GET /admin/projections/{name}/dead-letters", Access.ADMIN, 200, () -> read("/api/v1/admin/projections/lookup/dead-letters")),
                row("POST /admin/projections/{name}/dead-letters/retry", Access.ADMIN, 200,
                        () -> http.post("/api/v1/admin/projections/lookup/dead-letters/retry")),
                row("POST /admin/projections/{name}/rebuild", Access.ADMIN, 202, () -> http.post("/api/v1/admin/projections/lookup/rebuild")),
                // (Prometheus export is off in Spring Boot tests; /actuator/metrics stands in for the ADMIN-only actuator)
                row("GET /actuator/metrics", Access.ADMIN, 200, () -> http.get("/actuator/metrics")),
                row("GET /actuator/health", Access.PUBLIC, 200, () -> http.get("/actuator/health")),
                row("GET /v3/api-docs", Access.PUBLIC, 200, () -> http.get("/v3/api-docs")));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : table()) {
            for (Caller caller : CALLERS) {
                int expected = row.expectedFor(caller);
                tests.add(DynamicTest.dynamicTest(row.endpoint() + " as " + caller + " → " + expected, () -> {
                    RawHttp.Call call = row.call().get();
                    RawHttp.Answer answer = (caller.user() == null ? call : call.as(caller.user())).send();
                    assertThat(answer.status()).as("%s as %s: %s", row.endpoint(), caller, answer).isEqualTo(expected);
                    if (expected >= 400) {
                        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                    }
                }));
            }
        }
        return tests.stream();
    }

    // ------------------------------------------------------------------ fresh targets, made as ADMIN

    private RawHttp.Call read(String path) {
        return http.get(path).header("Registry-Min-Position", position);
    }

    private String freshCooperation() {
        RawHttp.Answer founded = http.post("/api/v1/cooperations").as("admin")
                .json(map("name", "K", "foundingStates", List.of("16", "09", "14"), "signedOn", "2021-03-01")).send();
        assertThat(founded.status()).as("%s", founded).isEqualTo(201);
        return (String) founded.json().get("cooperationId");
    }

    private String freshOffer() {
        RawHttp.Answer offered = http.post("/api/v1/services/" + serviceId + "/offers").as("admin")
                .json(map("terms", "t", "costModel", "FREE", "validFrom", "2024-01-01")).send();
        assertThat(offered.status()).as("%s", offered).isEqualTo(201);
        return (String) offered.json().get("offerId");
    }

    /** Proposed for Thuringia (as ADMIN does), awaiting Bavaria's countersignature unless {@code signed}. */
    private String freshAgreement(boolean signed) {
        RawHttp.Answer proposed = http.post("/api/v1/agreements").as("admin").json(map("serviceId", serviceId,
                "adoptingState", "09", "legalBasis", "ADMINISTRATIVE_AGREEMENT", "reference", "R", "validFrom", "2024-03-01")).send();
        assertThat(proposed.status()).as("%s", proposed).isEqualTo(201);
        String id = (String) proposed.json().get("agreementId");
        if (signed) {
            RawHttp.Answer countersigned = http.post("/api/v1/agreements/" + id + "/signature").as("admin")
                    .json(map("state", "09")).send();
            assertThat(countersigned.status()).as("%s", countersigned).isEqualTo(201);
        }
        return id;
    }

    /** Proposed by Saxony's owner, awaiting Bavaria's and Thuringia's signatures. */
    private String pendingCooperation() {
        RawHttp.Answer founded = http.post("/api/v1/cooperations").as("sachsen")
                .json(map("name", "K", "foundingStates", List.of("14", "09", "16"), "signedOn", "2021-03-01")).send();
        assertThat(founded.status()).as("%s", founded).isEqualTo(201);
        return (String) founded.json().get("cooperationId");
    }

    private String freshServiceWithVersion() {
        String id = registerService("admin", "16", "EFA");
        publish("admin", id, "1.0.0");
        return id;
    }

    private String freshAdoption(boolean withNewerVersion) {
        String id = freshServiceWithVersion();
        if (withNewerVersion) {
            publish("admin", id, "1.1.0");
        }
        RawHttp.Answer adopted = http.post("/api/v1/adoptions").as("admin")
                .json(map("serviceId", id, "ags", "16053000", "version", "1.0.0", "effectiveFrom", "2023-07-01")).send();
        assertThat(adopted.status()).as("%s", adopted).isEqualTo(201);
        return (String) adopted.json().get("adoptionId");
    }

    private static byte[] directoryFixture() {
        try {
            return new org.springframework.core.io.ClassPathResource("demo/gv100ad-demo.txt").getContentAsByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
