package de.efa.registry.platform.opendata;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Open data ({@code registry.open-data.*}): whether the public interfaces ({@link OpenDataPaths}) may be read without
 * signing in, and how much each client address may read of them.
 *
 * @param enabled   GET on the open paths without sign-in, rate-limited per client address; false: they need a
 *                  signed-in caller like every other read, and no rate limit applies
 * @param rateLimit the token bucket of each client address
 */
@Validated
@ConfigurationProperties("registry.open-data")
public record OpenDataProperties(@DefaultValue("false") boolean enabled,
                                 @DefaultValue @NotNull @Valid RateLimit rateLimit) {

    /**
     * @param capacity   requests a client address may make per period (RateLimit-Limit)
     * @param period     the window: the whole capacity comes back when it has passed since the window began
     * @param maxClients how many client addresses are remembered at most; beyond it the least recently seen are
     *                   forgotten (they start over with a full bucket), so many addresses cannot exhaust the memory
     */
    public record RateLimit(@DefaultValue("120") @Positive @Max(1_000_000) long capacity,
                            @DefaultValue("1m") @NotNull @DurationMin(seconds = 1) @DurationMax(days = 1) Duration period,
                            @DefaultValue("100000") @Positive @Max(10_000_000) long maxClients) {
    }
}
