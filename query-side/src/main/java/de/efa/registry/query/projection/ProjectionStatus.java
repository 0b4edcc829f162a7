package de.efa.registry.query.projection;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code GET /admin/projections} shows per projection.
 *
 * @param position    the lowest position the serving version has processed (null while its segments are unclaimed)
 * @param progress    0..1: how far a running rebuild has come (1 when none runs)
 * @param deadLetters events of the serving version waiting in the dead-letter queue
 * @param version     the serving version (its collections are {@code <name>_v<version>_*})
 * @param rebuilding  the version a rebuild is filling, or null
 * @param layout      the layout the serving version was built in; when it is not the code's, nothing here feeds it
 *                    and the status is {@value #REBUILDING} while a rebuild in the code's layout runs
 */
public record ProjectionStatus(String name, @Schema(types = {"integer", "null"}) Long position, long headPosition,
                               @Schema(types = {"integer", "null"}) Long lag, String status, double progress,
                               long deadLetters, int version, @Schema(types = {"integer", "null"}) Integer rebuilding,
                               int layout) {

    public static final String LIVE = "LIVE";
    public static final String REBUILDING = "REBUILDING";
    public static final String ERROR = "ERROR";
}
