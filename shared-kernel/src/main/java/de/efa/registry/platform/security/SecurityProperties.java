package de.efa.registry.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mode     {@code basic}: the demo principals over HTTP Basic (standalone); {@code jwt}: an OAuth2 resource
 *                 server accepting bearer JWTs with {@code roles} and {@code state} claims (split deployment)
 * @param password the demo principals' password ({@code registry.demo.password})
 */
@ConfigurationProperties("registry.security")
public record SecurityProperties(@DefaultValue("basic") String mode) {

    public boolean isJwt() {
        return "jwt".equalsIgnoreCase(mode);
    }
}
