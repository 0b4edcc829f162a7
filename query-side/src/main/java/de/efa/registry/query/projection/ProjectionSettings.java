package de.efa.registry.query.projection;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Tuning of the projections' processors ({@code registry.projections.*}).
 *
 * @param segments           segments per processor; events of one aggregate always share a segment
 * @param batchSize          events per unit of work: one bulk write per collection per batch
 * @param tokenClaimInterval how often an idle processor tries to claim unclaimed segments
 * @param pointerCacheTtl    how long readers trust the cached active version of a projection
 * @param dropDelay          how long a replaced version's collections survive the switch (readers' caches expire)
 */
@Validated
@ConfigurationProperties("registry.projections")
public record ProjectionSettings(@DefaultValue("1") @Positive int segments,
                                 @DefaultValue("256") @Positive int batchSize,
                                 @DefaultValue("1s") Duration tokenClaimInterval,
                                 @DefaultValue("500ms") Duration pointerCacheTtl,
                                 @DefaultValue("5s") Duration dropDelay) {
}
