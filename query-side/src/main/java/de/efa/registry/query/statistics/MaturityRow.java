package de.efa.registry.query.statistics;

/** How many of a state's services stand at one maturity level (0..4): that of their latest version not retired. */
record MaturityRow(String providingState, int level, long services) {
}
