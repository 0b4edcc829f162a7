package de.efa.registry.command.demo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo data recorded on an empty store ({@code registry.demo.*}; the demo principals' password is the platform's
 * {@code DemoPrincipalProperties}).
 *
 * @param seed    {@code true}: the small demo set; {@code germany}: all of Germany's directory and a register as
 *                Germany might hold it; {@code false}: nothing
 * @param germany the Germany seed's size
 */
@Validated
@ConfigurationProperties("registry.demo")
public record DemoSeedProperties(@DefaultValue("false") @Pattern(regexp = "(?i)true|false|germany") String seed,
                                 @DefaultValue @Valid Germany germany) {

    /**
     * @param scale share of municipalities (per state, at least one) whose adoptions the Germany seed records; the
     *              directory is always imported whole
     */
    public record Germany(@DefaultValue("1.0") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double scale) {
    }
}
