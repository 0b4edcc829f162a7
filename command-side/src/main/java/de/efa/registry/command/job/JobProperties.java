package de.efa.registry.command.job;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Long work answered with 202 ({@code registry.jobs.*}).
 *
 * @param concurrency how many jobs (asynchronous imports and bulk adoptions) one instance runs at once; one more is
 *                    answered with 503 and {@code Retry-After}
 */
@Validated
@ConfigurationProperties("registry.jobs")
public record JobProperties(@DefaultValue("2") @Positive int concurrency) {
}
