package de.efa.registry.query.statistics;

/**
 * How many of a state's services stand at one level of one maturity model (OZG-1.0: 0..4, OZG-2.0: 0..7): that of
 * their latest version not retired. The model comes last, so that the CSV's first columns stay where they were.
 */
record MaturityRow(String providingState, int level, long services, String maturityModel) {
}
