package de.efa.registry.query.projection;

import org.axonframework.eventhandling.Segment;

/**
 * This instance's claim on the segment that projects one aggregate, as it stood at a moment: the invoker feeding the
 * segment here, the segment, and how many times the invoker had let go of a segment by then. Equal claims taken at two
 * moments mean the segment was held here all along — no other instance can have written the aggregate's documents
 * in between (a segment given up, even for a moment, counts a release; the invoker is replaced with its processor).
 * What a claim does not cover is this instance's own writes: a reader keeping documents must hear of those
 * separately.
 */
public record SegmentClaim(Object feeder, Segment segment, long releases) {
}
