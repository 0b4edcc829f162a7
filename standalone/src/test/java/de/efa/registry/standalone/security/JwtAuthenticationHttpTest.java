package de.efa.registry.standalone.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import de.efa.registry.standalone.RegistryApplication;
import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split deployment's authentication: bearer JWTs signed by the identity provider (here a locally generated RSA
 * key), from our issuer, within their lifetime and carrying a registry role. Everything else is a 401.
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtAuthenticationHttpTest {

    private static final String ISSUER = "https://idp.registry.test/realms/efa";
    private static final KeyPair KEY = rsa();
    private static final KeyPair OTHER_KEY = rsa();
    private static final Path PUBLIC_KEY = publicKeyFile(KEY);

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
        registry.add("registry.security.mode", () -> "jwt");
        registry.add("registry.security.jwt.issuer", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> PUBLIC_KEY.toUri().toString());
    }

    @LocalServerPort
    int port;

    @Test
    void aValidTokenActsWithItsRolesAndState() {
        RawHttp http = new RawHttp(port);
        assertThat(http.get("/api/v1/services").bearer(token(KEY, c -> c.claim("roles", List.of("ANALYST")))).send().status())
                .isEqualTo(200);
        String owner = token(KEY, c -> c.claim("roles", List.of("OWNER")).claim("state", "16"));
        RawHttp.Answer created = http.post("/api/v1/services").bearer(owner).json(Map.of("leikaKey", "99800000000001",
                "name", "Wohngeld", "providingState", "16", "reuse", "EFA")).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(http.post("/api/v1/services").bearer(owner).json(Map.of("leikaKey", "99800000000001",
                "name", "Wohngeld", "providingState", "09", "reuse", "EFA")).send().status()).isEqualTo(403);
        assertThat(http.get("/api/v1/stats/maturity").bearer(owner).send().status()).isEqualTo(403);
    }

    @Test
    void everyUnacceptableTokenIsA401() {
        RawHttp http = new RawHttp(port);
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("wrong signature", token(OTHER_KEY, c -> c.claim("roles", List.of("ADMIN"))));
        refused.put("wrong issuer", token(KEY, c -> c.claim("roles", List.of("ADMIN")).issuer("https://evil.example/")));
        refused.put("no issuer", token(KEY, c -> c.claim("roles", List.of("ADMIN")).issuer(null)));
        refused.put("expired", token(KEY, c -> c.claim("roles", List.of("ADMIN"))
                .issueTime(Date.from(Instant.now().minusSeconds(7200))).expirationTime(Date.from(Instant.now().minusSeconds(3600)))));
        refused.put("no expiry", token(KEY, c -> c.claim("roles", List.of("ADMIN")).expirationTime(null)));
        refused.put("not yet valid", token(KEY, c -> c.claim("roles", List.of("ADMIN"))
                .notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))));
        refused.put("missing roles", token(KEY, c -> c.claim("state", "16")));
        refused.put("empty roles", token(KEY, c -> c.claim("roles", List.of())));
        refused.put("only unknown roles", token(KEY, c -> c.claim("roles", List.of("ROOT", "SUPERUSER"))));
        refused.put("unsigned (alg none)", new PlainJWT(claims(c -> c.claim("roles", List.of("ADMIN")))).serialize());
        refused.put("garbage", "not.a.jwt");
        refused.put("tampered payload", tampered(token(KEY, c -> c.claim("roles", List.of("ANALYST")))));

        for (Map.Entry<String, String> token : refused.entrySet()) {
            RawHttp.Answer answer = http.get("/api/v1/audit/integrity").bearer(token.getValue()).send();
            assertThat(answer.status()).as("%s: %s", token.getKey(), answer).isEqualTo(401);
            assertThat(answer.header("Content-Type")).as(token.getKey()).startsWith("application/problem+json");
            assertThat(answer.header("WWW-Authenticate")).as(token.getKey()).isEqualTo("Bearer error=\"invalid_token\"");
        }
        RawHttp.Answer none = http.get("/api/v1/services").send();
        assertThat(none.status()).as("no token").isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).as("no token, no error (RFC 6750)").isEqualTo("Bearer");
        assertThat(http.get("/api/v1/services").as("admin", "demo").send().status()).as("demo principals are off").isEqualTo(401);
    }

    private static String token(KeyPair key, Consumer<JWTClaimsSet.Builder> customize) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims(customize));
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> customize) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("user-" + UUID.randomUUID()).issuer(ISSUER)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).jwtID(UUID.randomUUID().toString());
        customize.accept(claims);
        return claims.build();
    }

    /** The signature of an ANALYST token over a payload that now says ADMIN. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("ANALYST", "ADMIN");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile(KeyPair key) {
        try {
            Path file = Files.createTempFile("registry-jwt", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
