package de.efa.registry.command.axon;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the command side runs its commands ({@code registry.commands.*}).
 *
 * @param concurrencyRetries how often a command that lost the optimistic lock to another writer is sent again before
 *                           the client sees 409
 * @param aggregateCacheSize how many aggregates (municipalities with their adoptions, services, cooperations) the
 *                           command side keeps in memory between commands; the default holds the whole directory
 */
@Validated
@ConfigurationProperties("registry.commands")
public record CommandProperties(@DefaultValue("8") @Min(0) int concurrencyRetries,
                                @DefaultValue("20000") @Positive int aggregateCacheSize) {
}
