package de.efa.registry.command.service.linkcheck;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The link checker ({@code registry.link-checker.*}): off unless enabled, since it calls out to the services' own
 * sites. In a deployment with several command-side instances, enable it on one of them.
 *
 * @param enabled     whether the command side probes the versions' URLs at all
 * @param interval    the pause between the end of one round and the start of the next (the first starts one
 *                    interval after start-up)
 * @param timeout     how long one probe may take (connecting and the answer's head); longer counts as nicht ok
 * @param concurrency how many probes run at the same time
 */
@Validated
@ConfigurationProperties("registry.link-checker")
public record LinkCheckerProperties(@DefaultValue("false") boolean enabled,
                                    @DefaultValue("1h") @NotNull @DurationMin(millis = 10) Duration interval,
                                    @DefaultValue("10s") @NotNull @DurationMin(millis = 10) Duration timeout,
                                    @DefaultValue("4") @Positive @Max(64) int concurrency) {
}
