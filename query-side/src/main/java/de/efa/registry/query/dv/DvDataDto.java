package de.efa.registry.query.dv;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import de.efa.registry.kernel.municipality.StateCode;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One row of the Dashboard data API: one service in one region, with the names the dashboard uses.
 *
 * @param leikaName        the LeiKa catalogue's name as the catalogue facts record it; the service's own name until
 *                         they do (the interface always names a service)
 * @param leikaBezeichnung the name the providing state gave the service in the registry
 * @param url              the URL of the newest version adopted in the region; left out where that version names none
 *                         (the interface does not allow null here, but does not require the field)
 * @param onlineStatus     {@code ok} or {@code nicht ok} as last recorded for that version; left out while never
 *                         checked, for the same reason
 * @param aktiv            {@code ja} while that version is neither deprecated nor retired
 */
@JsonPropertyOrder({"leika_key", "leika_name", "ars", "ars_name", "ars_federal_state", "bundesland", "leika_bezeichnung",
        "ozgid", "ozg_bezeichnung", "url", "online_status", "aktiv", "art_flaechendeckung"})
@Schema(name = "DvDataDto", example = "{\"leika_key\":\"99041006017000\",\"leika_name\":\"Hundehaltung anmelden\","
        + "\"ars\":\"160720000000\",\"ars_name\":\"Sonneberg\",\"ars_federal_state\":\"16\",\"bundesland\":\"Thüringen\","
        + "\"leika_bezeichnung\":\"Hundesteuer, online\",\"ozgid\":10000,\"ozg_bezeichnung\":\"Hundesteuer\","
        + "\"url\":\"https://hund.example.de\",\"online_status\":\"ok\",\"aktiv\":\"ja\","
        + "\"art_flaechendeckung\":\"kreisweit flächendeckend\"}")
record DvDataDto(@JsonProperty("leika_key") String leikaKey,
                 @JsonProperty("leika_name") String leikaName,
                 @JsonProperty("ars") String ars,
                 @JsonProperty("ars_name") String arsName,
                 @JsonProperty("ars_federal_state") String arsFederalState,
                 @JsonProperty("bundesland") String bundesland,
                 @JsonProperty("leika_bezeichnung") String leikaBezeichnung,
                 @JsonProperty("ozgid") @Schema(types = {"integer", "null"}) Integer ozgId,
                 @JsonProperty("ozg_bezeichnung") @Schema(types = {"string", "null"}) String ozgBezeichnung,
                 @JsonProperty("url") @JsonInclude(JsonInclude.Include.NON_NULL) String url,
                 @JsonProperty("online_status") @JsonInclude(JsonInclude.Include.NON_NULL)
                 @Schema(allowableValues = {"ok", "nicht ok"}) String onlineStatus,
                 @JsonProperty("aktiv") @Schema(allowableValues = {"ja", "nein"}) String aktiv,
                 @JsonProperty("art_flaechendeckung") @Schema(allowableValues = {"bundesweit flächendeckend",
                         "in mind. einer Kommune verfügbar", "landesweit flächendeckend", "kreisweit flächendeckend",
                         "nicht in Auswertung berücksichtigt"}) String artFlaechendeckung) {

    static DvDataDto of(DvRow row) {
        DvService service = row.service();
        DvService.Version version = row.version() == null ? null : service.versions().get(row.version());
        String state = row.region().state();
        String leikaName = service.leikaName() == null ? service.name() : service.leikaName();
        return new DvDataDto(service.leikaKey(), leikaName, row.region().ars(), row.region().name(), state,
                StateCode.of(state).stateName(), service.name(), service.ozgId(), service.ozgName(),
                version == null ? null : version.url(), version == null ? null : version.onlineStatus(),
                version == null || version.current() ? "ja" : "nein", row.coverage().text());
    }

    /** The column names, in order: the CSV header and the XLSX's first row. */
    static final String[] COLUMNS = {"leika_key", "leika_name", "ars", "ars_name", "ars_federal_state", "bundesland",
            "leika_bezeichnung", "ozgid", "ozg_bezeichnung", "url", "online_status", "aktiv", "art_flaechendeckung"};

    /** The values in the order of {@link #COLUMNS}; numbers stay numbers, absent values null. */
    Object[] values() {
        return new Object[]{leikaKey, leikaName, ars, arsName, arsFederalState, bundesland, leikaBezeichnung, ozgId,
                ozgBezeichnung, url, onlineStatus, aktiv, artFlaechendeckung};
    }
}
