package de.efa.registry.query.lookup;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The lookup documents the query side keeps in memory ({@code registry.lookup.cache.*}).
 *
 * @param maxIntervals how many adoption intervals (summed over the kept documents) the cache holds at most; 0 turns
 *                     the cache off
 * @param maxAge       how long a kept document is trusted at most (bounds what no segment claim sees: dead letters
 *                     retried on another instance); 0 turns the cache off
 */
@Validated
@ConfigurationProperties("registry.lookup.cache")
public record LookupCacheProperties(@DefaultValue("1500000") @PositiveOrZero long maxIntervals,
                                    @DefaultValue("5m") Duration maxAge) {
}
