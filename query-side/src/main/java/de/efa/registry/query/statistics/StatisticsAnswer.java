package de.efa.registry.query.statistics;

import java.util.List;

/**
 * One statistic as JSON: its rows and the attribution Destatis asks for wherever its data is shown. Generic, so that
 * the API document names each statistic's row type.
 */
record StatisticsAnswer<R>(List<R> rows, String source) {
}
