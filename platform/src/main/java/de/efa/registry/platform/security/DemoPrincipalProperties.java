package de.efa.registry.platform.security;

import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo principals of {@code registry.security.mode=basic} ({@code registry.demo.*}; the demo data is the command
 * side's {@code DemoSeedProperties}).
 *
 * @param password password of every demo principal (stored only as a BCrypt hash)
 */
@Validated
@ConfigurationProperties("registry.demo")
public record DemoPrincipalProperties(@DefaultValue("demo") @NotEmpty String password) {
}
