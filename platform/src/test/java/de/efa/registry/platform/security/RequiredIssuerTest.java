package de.efa.registry.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** In the split deployment every token must name our issuer; a key alone is no reason to trust every issuer. */
class RequiredIssuerTest {

    @Test
    void theRegistrysOwnIssuerSettingWins() {
        SecurityProperties properties = new SecurityProperties("jwt", new SecurityProperties.Jwt("https://idp/realms/efa"));
        assertThat(SecurityConfiguration.requiredIssuer(properties, "https://other/realms/x")).isEqualTo("https://idp/realms/efa");
    }

    @Test
    void theIssuerUriServesWhenNoIssuerIsSet() {
        SecurityProperties properties = new SecurityProperties("jwt", new SecurityProperties.Jwt(""));
        assertThat(SecurityConfiguration.requiredIssuer(properties, "https://idp/realms/efa")).isEqualTo("https://idp/realms/efa");
    }

    @Test
    void withoutAnyIssuerTheRegistryDoesNotStart() {
        SecurityProperties properties = new SecurityProperties("jwt", new SecurityProperties.Jwt(" "));
        assertThatThrownBy(() -> SecurityConfiguration.requiredIssuer(properties, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("registry.security.jwt.issuer");
    }
}
