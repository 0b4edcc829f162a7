package de.efa.registry.standalone;

import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reuse from offer to agreement over HTTP, as the two states' owners would go through it. */
class ReuseHttpTest extends StandaloneHttpTestBase {

    @Test
    void anOfferDrawsInterestAndAnAgreementProposedByTheAdopterIsCountersignedByTheProvider() {
        String serviceId = registerService("thueringen", "16", "EFA");

        RawHttp.Answer offered = http.post("/api/v1/services/" + serviceId + "/offers").as("thueringen")
                .json(map("terms", "Betrieb durch den Landesdienstleister", "costModel", "COST_SHARING",
                        "validFrom", "2024-01-01")).send();
        assertThat(offered.status()).as("%s", offered).isEqualTo(201);
        String offerId = (String) offered.json().get("offerId");
        RawHttp.Answer interested = http.post("/api/v1/offers/" + offerId + "/interests").as("bayern")
                .json(map("state", "09")).send();
        assertThat(interested.status()).as("%s", interested).isEqualTo(201);
        assertThat(http.post("/api/v1/offers/" + offerId + "/interests").as("bayern").json(map("state", "09")).send().status())
                .isEqualTo(409);

        RawHttp.Answer proposed = http.post("/api/v1/agreements").as("bayern").json(map("serviceId", serviceId,
                "adoptingState", "09", "legalBasis", "FIT_STORE", "reference", "FIT-Store 2024-017",
                "validFrom", "2024-03-01", "validTo", "2027-12-31")).send();
        assertThat(proposed.status()).as("%s", proposed).isEqualTo(201);
        assertThat(proposed.json()).containsEntry("status", "PROPOSED").containsEntry("awaitingSignatureOf", "16");
        String agreementId = (String) proposed.json().get("agreementId");

        RawHttp.Answer byProposer = http.post("/api/v1/agreements/" + agreementId + "/signature").as("bayern").send();
        assertThat(byProposer.status()).as("%s", byProposer).isEqualTo(422);
        assertThat(byProposer.json()).containsEntry("type", "https://efa-registry.de/problems/countersignature-by-proposer");
        RawHttp.Answer byStranger = http.post("/api/v1/agreements/" + agreementId + "/signature").as("niedersachsen").send();
        assertThat(byStranger.status()).as("%s", byStranger).isEqualTo(422);
        RawHttp.Answer countersigned = http.post("/api/v1/agreements/" + agreementId + "/signature").as("thueringen")
                .json(map("signedOn", "2024-02-20")).send();
        assertThat(countersigned.status()).as("%s", countersigned).isEqualTo(201);
        assertThat(countersigned.json()).containsEntry("status", "SIGNED");

        Map<String, Object> agreement = read("/api/v1/agreements/" + agreementId, countersigned).json();
        assertThat(agreement).containsEntry("status", "SIGNED").containsEntry("providingState", "16")
                .containsEntry("adoptingState", "09").containsEntry("proposedBy", "09").containsEntry("signedBy", "16")
                .containsEntry("signedOn", "2024-02-20").containsEntry("legalBasis", "FIT_STORE")
                .containsEntry("validTo", "2027-12-31");
        assertThat(ids(read("/api/v1/agreements?state=09&serviceId=" + serviceId, countersigned))).containsExactly(agreementId);
        assertThat(ids(read("/api/v1/agreements?state=03&serviceId=" + serviceId, countersigned))).isEmpty();
        List<Map<String, Object>> offers = parseList(read("/api/v1/services/" + serviceId + "/offers", countersigned).body());
        assertThat(offers).singleElement().satisfies(offer -> {
            assertThat(offer).containsEntry("offerId", offerId).containsEntry("costModel", "COST_SHARING");
            assertThat(offer.get("interests").toString()).contains("state=09");
        });

        RawHttp.Answer terminated = http.post("/api/v1/agreements/" + agreementId + "/termination").as("thueringen")
                .json(map("endsOn", "2026-01-01")).send();
        assertThat(terminated.status()).as("%s", terminated).isEqualTo(200);
        assertThat(read("/api/v1/agreements/" + agreementId, terminated).json()).containsEntry("status", "TERMINATED")
                .containsEntry("endsOn", "2026-01-01").containsEntry("terminatedBy", "16");
        assertThat(history(agreementId)).extracting(e -> e.get("type"))
                .containsExactly("AgreementProposed", "AgreementSigned", "AgreementTerminated");
    }

    @Test
    void onlyTheOwnersConcernedActAndOnlyForEfaServices() {
        String efa = registerService("thueringen", "16", "EFA");
        String stateOnly = registerService("thueringen", "16", "STATE_ONLY");
        Map<String, Object> offer = map("terms", "t", "costModel", "FREE", "validFrom", "2024-01-01");
        long before = eventCount();

        assertThat(http.post("/api/v1/services/" + efa + "/offers").as("bayern").json(offer).send().status()).isEqualTo(403);
        assertThat(http.post("/api/v1/services/" + efa + "/offers").as("analyst").json(offer).send().status()).isEqualTo(403);
        assertThat(http.post("/api/v1/services/" + efa + "/offers").json(offer).send().status()).isEqualTo(401);
        RawHttp.Answer notEfa = http.post("/api/v1/services/" + stateOnly + "/offers").as("thueringen").json(offer).send();
        assertThat(notEfa.status()).as("%s", notEfa).isEqualTo(422);
        assertThat(notEfa.json()).containsEntry("type", "https://efa-registry.de/problems/service-not-efa");
        Map<String, Object> proposal = map("serviceId", efa, "adoptingState", "09", "legalBasis", "EFA_MARKTPLATZ",
                "reference", "M-1", "validFrom", "2024-03-01");
        assertThat(http.post("/api/v1/agreements").as("niedersachsen").json(proposal).send().status()).isEqualTo(403);
        RawHttp.Answer ownState = http.post("/api/v1/agreements").as("thueringen").json(map("serviceId", efa,
                "adoptingState", "16", "legalBasis", "EFA_MARKTPLATZ", "reference", "M-1", "validFrom", "2024-03-01")).send();
        assertThat(ownState.status()).as("%s", ownState).isEqualTo(422);
        RawHttp.Answer tooEarly = http.post("/api/v1/agreements").as("thueringen").json(map("serviceId", efa,
                "adoptingState", "09", "legalBasis", "EFA_MARKTPLATZ", "reference", "M-1", "validFrom", "2016-01-01")).send();
        assertThat(tooEarly.json()).containsEntry("type", "https://efa-registry.de/problems/date-out-of-range");
        RawHttp.Answer unknownAgreement = http.post("/api/v1/agreements/" + java.util.UUID.randomUUID() + "/signature")
                .as("thueringen").send();
        assertThat(unknownAgreement.status()).as("%s", unknownAgreement).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aSignedAgreementLetsTheAdoptingStatesMunicipalitiesAdoptOnItsValidDaysAndIsNamedAsTheirLegalBasis() {
        String serviceId = registerService("thueringen", "16", "EFA");
        publish("thueringen", serviceId, "1.0.0");
        Map<String, Object> beforeAgreement = map("serviceId", serviceId, "ags", "09162000", "effectiveFrom", "2024-06-01");
        RawHttp.Answer refused = http.post("/api/v1/adoptions").as("bayern").json(beforeAgreement).send();
        assertThat(refused.status()).as("%s", refused).isEqualTo(422);

        RawHttp.Answer proposed = http.post("/api/v1/agreements").as("thueringen").json(map("serviceId", serviceId,
                "adoptingState", "09", "legalBasis", "ADMINISTRATIVE_AGREEMENT", "reference", "VV Wohngeld 2024",
                "validFrom", "2024-03-01", "validTo", "2025-12-31")).send();
        String agreementId = (String) proposed.json().get("agreementId");
        RawHttp.Answer stillRefused = http.post("/api/v1/adoptions").as("bayern").json(beforeAgreement).send();
        assertThat(stillRefused.status()).as("a proposal is no legal basis: %s", stillRefused).isEqualTo(422);
        assertThat(http.post("/api/v1/agreements/" + agreementId + "/signature").as("bayern").send().status()).isEqualTo(201);

        RawHttp.Answer afterItsLastDay = http.post("/api/v1/adoptions").as("bayern")
                .json(map("serviceId", serviceId, "ags", "09162000", "effectiveFrom", "2026-01-01")).send();
        assertThat(afterItsLastDay.status()).as("%s", afterItsLastDay).isEqualTo(422);
        RawHttp.Answer onItsLastDay = http.post("/api/v1/adoptions").as("bayern")
                .json(map("serviceId", serviceId, "ags", "09162000", "effectiveFrom", "2025-12-31")).send();
        assertThat(onItsLastDay.status()).as("%s", onItsLastDay).isEqualTo(201);
        String adoptionId = (String) onItsLastDay.json().get("adoptionId");

        Map<String, Object> basis = map("kind", "AGREEMENT", "id", agreementId);
        assertThat(read("/api/v1/adoptions/" + adoptionId, onItsLastDay).json()).containsEntry("legalBasis", basis)
                .containsEntry("crossBorder", true);
        assertThat(read("/api/v1/lookup/09162000?asOf=2025-12-31", onItsLastDay).body())
                .contains("\"legalBasis\":{\"kind\":\"AGREEMENT\",\"id\":\"" + agreementId + "\"}");
        assertThat(history("09162000")).anySatisfy(event ->
                assertThat(event.toString()).contains(agreementId));
    }

    @Test
    void whenAnAgreementEndsTheAdoptionsRestingOnItAloneEndTheSameDayCausedByTheTermination() {
        String serviceId = registerService("thueringen", "16", "EFA");
        publish("thueringen", serviceId, "1.0.0");
        String agreementId = signedAgreement(serviceId, "09");
        String alone = adoptAcross("09162000", serviceId);
        // Lower Saxony's adoption rests on a cooperation as well: the agreement's end leaves it running
        String cooperationId = foundCooperation("thueringen", List.of("16", "03"));
        String withCooperation = adoptAcross("03241001", serviceId);
        String agreementWithLowerSaxony = signedAgreement(serviceId, "03");

        RawHttp.Answer terminated = http.post("/api/v1/agreements/" + agreementId + "/termination").as("bayern")
                .json(map("endsOn", "2025-01-01")).send();
        assertThat(terminated.status()).as("%s", terminated).isEqualTo(200);
        assertThat(read("/api/v1/adoptions/" + alone, terminated).json()).containsEntry("status", "ENDED")
                .containsEntry("endsOn", "2025-01-01");
        RawHttp.Answer otherTerminated = http.post("/api/v1/agreements/" + agreementWithLowerSaxony + "/termination")
                .as("niedersachsen").json(map("endsOn", "2025-01-01")).send();
        assertThat(otherTerminated.status()).as("%s", otherTerminated).isEqualTo(200);
        assertThat(read("/api/v1/adoptions/" + withCooperation, otherTerminated).json()).containsEntry("status", "ACTIVE")
                .containsEntry("legalBasis", map("kind", "COOPERATION", "id", cooperationId));

        @SuppressWarnings("unchecked")
        Map<String, Object> termination = (Map<String, Object>) history(agreementId).stream()
                .filter(e -> "AgreementTerminated".equals(e.get("type"))).findFirst().orElseThrow().get("metadata");
        assertThat(history("09162000")).filteredOn(e -> "AdoptionEnded".equals(e.get("type"))).singleElement()
                .satisfies(ended -> assertThat((Map<String, Object>) ended.get("metadata"))
                        .containsEntry("principal", "system")
                        .containsEntry("correlationId", termination.get("correlationId"))
                        .containsKey("causationId"));
    }

    @Test
    void theReuseFunnelCountsAHandComputedExampleByEffectiveDates() {
        String serviceId = registerService("thueringen", "16", "EFA");
        publish("thueringen", serviceId, "1.0.0");
        RawHttp.Answer offered = http.post("/api/v1/services/" + serviceId + "/offers").as("thueringen")
                .json(map("terms", "t", "costModel", "FREE", "validFrom", "2024-01-01")).send();
        String offerId = (String) offered.json().get("offerId");
        assertThat(http.post("/api/v1/offers/" + offerId + "/interests").as("bayern").json(map("state", "09")).send().status())
                .isEqualTo(201);
        assertThat(http.post("/api/v1/offers/" + offerId + "/interests").as("niedersachsen").json(map("state", "03")).send()
                .status()).isEqualTo(201);
        signedAgreement(serviceId, "09");
        adoptAcross("09162000", serviceId);                    // effective 2024-06-01: live on 2025-01-01
        RawHttp.Answer later = http.post("/api/v1/adoptions").as("bayern")
                .json(map("serviceId", serviceId, "ags", "09163000", "effectiveFrom", "2025-06-01")).send();
        assertThat(later.status()).as("%s", later).isEqualTo(201);    // planned on 2025-01-01
        adopt("thueringen", serviceId, "16051000");            // the provider's own: no reuse

        Map<String, Object> row = funnelRow(read("/api/v1/stats/reuse?serviceId=" + serviceId + "&asOf=2025-01-01", later));
        assertThat(row).containsEntry("providingState", "16").containsEntry("statesOfferedTo", 15)
                .containsEntry("statesInterested", 2).containsEntry("agreementsSigned", 1)
                .containsEntry("municipalitiesLive", 1).containsEntry("municipalitiesPlanned", 1);
        Map<String, Object> beforeAnything = funnelRow(read("/api/v1/stats/reuse?serviceId=" + serviceId
                + "&asOf=2023-12-31", later));
        assertThat(beforeAnything).containsEntry("statesOfferedTo", 0).containsEntry("municipalitiesLive", 0)
                .containsEntry("municipalitiesPlanned", 2);
        RawHttp.Answer csv = http.get("/api/v1/stats/reuse?serviceId=" + serviceId + "&asOf=2025-01-01").as("analyst")
                .header("Accept", "text/csv").header("Registry-Min-Position", later.header("Registry-Position")).send();
        assertThat(csv.body()).contains("serviceId,name,providingState,statesOfferedTo,statesInterested,agreementsSigned,"
                + "municipalitiesLive,municipalitiesPlanned").contains(serviceId + ",Dienst,16,15,2,1,1,1");
        assertThat(http.get("/api/v1/stats/reuse").as("thueringen").send().status()).isEqualTo(403);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> funnelRow(RawHttp.Answer answer) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) answer.json().get("rows");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private String signedAgreement(String serviceId, String adoptingState) {
        RawHttp.Answer proposed = http.post("/api/v1/agreements").as("thueringen").json(map("serviceId", serviceId,
                "adoptingState", adoptingState, "legalBasis", "FIT_STORE", "reference", "FIT-Store", "validFrom",
                "2024-03-01")).send();
        assertThat(proposed.status()).as("%s", proposed).isEqualTo(201);
        String agreementId = (String) proposed.json().get("agreementId");
        RawHttp.Answer signed = http.post("/api/v1/agreements/" + agreementId + "/signature").as("admin")
                .json(map("state", adoptingState)).send();
        assertThat(signed.status()).as("%s", signed).isEqualTo(201);
        return agreementId;
    }

    private String adoptAcross(String ags, String serviceId) {
        RawHttp.Answer adopted = http.post("/api/v1/adoptions").as("admin")
                .json(map("serviceId", serviceId, "ags", ags, "effectiveFrom", "2024-06-01")).send();
        assertThat(adopted.status()).as("%s", adopted).isEqualTo(201);
        return (String) adopted.json().get("adoptionId");
    }

    private RawHttp.Answer read(String path, RawHttp.Answer after) {
        RawHttp.Answer answer = http.get(path).as("analyst").header("Registry-Min-Position", after.header("Registry-Position")).send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(RawHttp.Answer page) {
        return ((List<Map<String, Object>>) page.json().get("items")).stream().map(a -> a.get("agreementId")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parseList(String body) {
        try {
            return RawHttp.JSON.readValue(body, List.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
