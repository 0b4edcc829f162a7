package de.efa.registry.query.consistency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Reads that wait for a position ({@code registry.query.*}).
 *
 * @param minPositionWait how long a read with {@code Registry-Min-Position} waits for the projections to reach the
 *                        position before it answers 503 with {@code Retry-After}
 */
@ConfigurationProperties("registry.query")
public record ReadConsistencyProperties(@DefaultValue("10s") Duration minPositionWait) {
}
