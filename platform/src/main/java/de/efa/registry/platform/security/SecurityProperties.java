package de.efa.registry.platform.security;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param mode     {@code basic}: the demo principals over HTTP Basic (standalone); {@code jwt}: an OAuth2 resource
 *                 server accepting bearer JWTs with {@code roles} and {@code state} claims (split deployment)
 * @param jwt      what a bearer token must carry besides a valid signature and lifetime
 */
@Validated
@ConfigurationProperties("registry.security")
public record SecurityProperties(@DefaultValue("basic") @Pattern(regexp = "(?i)basic|jwt") String mode, @DefaultValue Jwt jwt) {

    /**
     * @param issuer the only accepted {@code iss}; empty falls back to
     *               {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
     */
    public record Jwt(@DefaultValue("") String issuer) {
    }

    public boolean isJwt() {
        return "jwt".equalsIgnoreCase(mode);
    }
}
