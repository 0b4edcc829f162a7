package de.efa.registry.query.statistics;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Coverage of one state or district: how many of its municipalities in force adopted, and which share of its
 * population they hold.
 *
 * @param name     of the state or district; null for a district the directory names none for
 * @param coverage {@code populationCovered / population}, 0..1, rounded to six places
 */
record CoverageRow(String key, @Schema(types = {"string", "null"}) String name, long municipalities, long adopted,
                   long population, long populationCovered, double coverage) {
}
