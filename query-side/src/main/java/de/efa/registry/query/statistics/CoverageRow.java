package de.efa.registry.query.statistics;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Coverage of one state or district on a day: how many of its municipalities in force are served by an adoption then
 * (live), which share of its population they hold, and how many are not served then but will be from a later day
 * (planned). The planned figures come last, so that the CSV's first columns stay where they were.
 *
 * @param name              of the state or district; null for a district the directory names none for
 * @param adopted           municipalities served on the day (live)
 * @param populationCovered their population
 * @param coverage          {@code populationCovered / population}, 0..1, rounded to six places
 * @param planned           municipalities not served on the day, but from a later one
 * @param populationPlanned their population
 * @param coveragePlanned   {@code populationPlanned / population}, 0..1, rounded to six places
 */
record CoverageRow(String key, @Schema(types = {"string", "null"}) String name, long municipalities, long adopted,
                   long population, long populationCovered, double coverage, long planned, long populationPlanned,
                   double coveragePlanned) {
}
