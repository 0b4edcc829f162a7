package de.efa.registry.kernel.authority;

import de.efa.registry.kernel.common.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A FIT-Connect destination and its signature, checked for their form; an authority routable only with both. */
class AuthorityValuesTest {

    private static final String JWS = "eyJhbGciOiJQUzUxMiJ9.eyJkZXN0aW5hdGlvbklkIjoiMSJ9.c2lnbmF0dXJl";
    private static final String DESTINATION = "4f2a9c1e-7b3d-4e5f-8a6b-9c0d1e2f3a4b";

    @Test
    void aSignatureIsACompactJwsOfBoundedLength() {
        DestinationSignature signature = DestinationSignature.of(JWS);
        assertThat(signature.value()).isEqualTo(JWS);
        assertThat(signature).hasToString(JWS);
        String longest = "a".repeat(DestinationSignature.MAX_LENGTH - 4) + ".b.c";
        assertThat(DestinationSignature.of(longest).value()).hasSize(DestinationSignature.MAX_LENGTH);

        assertThatThrownBy(() -> DestinationSignature.of(longest + "c")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("at most 8000 characters");
        assertThatThrownBy(() -> DestinationSignature.of(null)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("is required");
        assertThatThrownBy(() -> DestinationSignature.of("")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("is required");
        assertThatThrownBy(() -> DestinationSignature.of("header.payload")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("three base64url parts");
        assertThatThrownBy(() -> DestinationSignature.of("a.b.c d")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aDestinationIsALowerCaseUuid() {
        DestinationId id = DestinationId.of(DESTINATION.toUpperCase());
        assertThat(id.value()).isEqualTo(DESTINATION);
        assertThat(id).hasToString(DESTINATION).isEqualTo(DestinationId.of(DESTINATION));
        assertThatThrownBy(() -> DestinationId.of("x")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anAuthorityIsRoutableOnlyWithDestinationAndSignature() {
        assertThat(profile(DestinationId.of(DESTINATION), DestinationSignature.of(JWS)).isRoutable()).isTrue();
        assertThat(profile(DestinationId.of(DESTINATION), null).isRoutable()).isFalse();
        assertThat(profile(null, DestinationSignature.of(JWS)).isRoutable()).isFalse();
        assertThat(profile(null, null).isRoutable()).isFalse();
    }

    private static AuthorityProfile profile(DestinationId destination, DestinationSignature signature) {
        return new AuthorityProfile("Bürgeramt Erfurt", "Bürgeramt", new PostalAddress("Fischmarkt", "1", "99084", "Erfurt"),
                new AuthorityContact("buergeramt@erfurt.de", "0361 6550"), destination, signature, null);
    }
}
