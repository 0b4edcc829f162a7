package de.efa.registry.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The claims on event processor segments that several instances share through the token store
 * ({@code registry.token-store.*}).
 *
 * @param nodeId       the name this instance claims segments under; empty: {@code pid@host}, unique per container
 * @param claimTimeout how long a claim whose owner stopped extending it (a crashed instance) blocks the segment; also
 *                     how long an instance counts as alive after it was last heard of
 */
@ConfigurationProperties("registry.token-store")
public record TokenStoreProperties(@DefaultValue("") String nodeId, @DefaultValue("10s") Duration claimTimeout) {
}
