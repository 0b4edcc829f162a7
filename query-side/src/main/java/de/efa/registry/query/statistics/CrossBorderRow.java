package de.efa.registry.query.statistics;

/**
 * Adoptions across one border on a day: municipalities of {@code adoptingState} using services {@code providingState}
 * provides (live), and those that will from a later day (planned). An adoption is one municipality using one service;
 * its population counts once per adoption. The planned figures come last, so that the CSV's first columns stay.
 *
 * @param services           services used across the border on the day
 * @param adoptions          live adoptions
 * @param population         population of the municipalities of the live adoptions
 * @param planned            adoptions taking effect after the day
 * @param populationPlanned  population of the municipalities of the planned adoptions
 */
record CrossBorderRow(String providingState, String adoptingState, int services, long adoptions, long population,
                      long planned, long populationPlanned) {
}
