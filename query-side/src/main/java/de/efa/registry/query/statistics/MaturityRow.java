package de.efa.registry.query.statistics;

/**
 * How many of a state's services stand at one level of one maturity model (OZG-1.0: 0..4, OZG-2.0: 0..7) on a day:
 * that of their latest version released and not retired then; and how many will from a later day (their latest version
 * released after it: planned). Columns added later come last, so that the CSV's first columns stay where they were.
 * Maturity has no population: a level belongs to a service, not to a place.
 */
record MaturityRow(String providingState, int level, long services, String maturityModel, long planned) {
}
