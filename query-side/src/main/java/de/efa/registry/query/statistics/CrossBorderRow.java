package de.efa.registry.query.statistics;

/** Adoptions across one border: municipalities of {@code adoptingState} using services {@code providingState} provides. */
record CrossBorderRow(String providingState, String adoptingState, int services, long adoptions) {
}
