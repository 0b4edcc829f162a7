package de.efa.registry.query.dv;

import io.swagger.v3.oas.annotations.media.Schema;

/** A region of the Dashboard data API's list: its ARS and the name of the highest level that ARS names. */
@Schema(name = "ArsDto", example = "{\"ars\":\"010510000000\",\"arsName\":\"Dithmarschen\"}")
record ArsDto(String ars, String arsName) {
}
