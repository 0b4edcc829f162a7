package de.efa.registry.query.statistics;

/**
 * One period of the timeline: adoptions that took effect and that ended in it, and those active at its end.
 *
 * @param period {@code yyyy-MM}, {@code yyyy-Www} or {@code yyyy-MM-dd}, by interval
 */
record TimelineRow(String period, long started, long ended, long active) {
}
