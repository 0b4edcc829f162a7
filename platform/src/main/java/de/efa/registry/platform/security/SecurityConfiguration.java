package de.efa.registry.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.registry.platform.opendata.OpenDataPaths;
import de.efa.registry.platform.opendata.OpenDataProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who may call what. URL rules express the role matrix of docs/api.md; which <em>state</em> an OWNER may act for is
 * checked where the state is known (the command endpoints, via {@link RegistryUser#requireMayActFor}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({SecurityProperties.class, DemoPrincipalProperties.class, OpenDataProperties.class})
public class SecurityConfiguration {

    /**
     * No observation per security filter and per authorization decision: in a profile of the command benchmark they
     * were about a tenth of a request's CPU. Requests are still observed as a whole ({@code http.server.requests}).
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityFilterChain registrySecurity(HttpSecurity http, SecurityProperties properties, ObjectMapper objectMapper,
                                                DemoPrincipalProperties demo, OpenDataProperties openData,
                                                @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri,
                                                ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(objectMapper,
                properties.isJwt() ? "Bearer" : "Basic realm=\"EfA Registry\"");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                            .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                            .requestMatchers("/dashboard", "/dashboard/**", "/webjars/**", "/favicon.ico", "/error").permitAll();
                    if (openData.enabled()) {
                        // open data: reads of the public interfaces without sign-in; every other method stays refused
                        auth.requestMatchers(HttpMethod.GET, OpenDataPaths.PATTERNS.toArray(String[]::new)).permitAll();
                    }
                    // the role rules are a table, so that a refusal can name the role it lacked (see AccessRules)
                    AccessRules.RESTRICTED.forEach(rule -> rule.apply(auth));
                    auth.anyRequest().denyAll();
                });
        if (properties.isJwt()) {
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
                            filter.setAuthenticationFailureHandler(problems.bearerFailures());
                            return filter;
                        }
                    })
                    .jwt(jwt -> jwt
                            .decoder(validating(requireDecoder(jwtDecoder), requiredIssuer(properties, issuerUri)))
                            .jwtAuthenticationConverter(jwtConverter())));
        } else {
            http.httpBasic(b -> b.authenticationEntryPoint(problems))
                    .authenticationManager(demoAuthentication(demo.password()));
        }
        return http.build();
    }

    /** The demo principals, their password hashed once at start-up. */
    private static AuthenticationManager demoAuthentication(String password) {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        String hash = encoder.encode(password);
        List<UserDetails> users = new ArrayList<>();
        for (DemoPrincipals.DemoPrincipal principal : DemoPrincipals.ALL) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority(principal.role().authority()));
            if (principal.state() != null) {
                authorities.add(new SimpleGrantedAuthority(RegistryUser.STATE_AUTHORITY_PREFIX + principal.state().value()));
            }
            users.add(User.withUsername(principal.username()).password(hash).authorities(authorities).build());
        }
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new CachingAuthenticationProvider(dao, Duration.ofMinutes(5), Clock.systemUTC()));
    }

    private static JwtDecoder requireDecoder(ObjectProvider<JwtDecoder> decoder) {
        JwtDecoder available = decoder.getIfAvailable();
        if (available == null) {
            throw new IllegalStateException("registry.security.mode=jwt needs spring.security.oauth2.resourceserver.jwt."
                    + "issuer-uri, jwk-set-uri or public-key-location");
        }
        return available;
    }

    /**
     * The issuer every token must name. A key file or JWK set URL alone says nothing about who issued a token, so
     * without an issuer any token signed with that key — minted for any audience of the identity provider — would
     * pass; the registry refuses to start instead of silently accepting every issuer.
     */
    static String requiredIssuer(SecurityProperties properties, String issuerUri) {
        String issuer = properties.jwt().issuer().isBlank() ? issuerUri : properties.jwt().issuer();
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("registry.security.mode=jwt needs the issuer its tokens must carry: "
                    + "registry.security.jwt.issuer (or spring.security.oauth2.resourceserver.jwt.issuer-uri)");
        }
        return issuer;
    }

    /**
     * Spring Boot's decoder checks the signature (and, with {@code issuer-uri}, the issuer); on top of it every token
     * must come from our issuer, be within its lifetime — which it must state: the default validator lets a token
     * without {@code exp} live for ever — and carry at least one registry role: a token of the same identity provider
     * minted for another application has none and is refused with a 401.
     */
    static JwtDecoder validating(JwtDecoder decoder, String issuer) {
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, java.util.Objects::nonNull),
                new JwtClaimValidator<Object>("roles", SecurityConfiguration::hasRegistryRole));
        return token -> {
            Jwt jwt;
            try {
                jwt = decoder.decode(token);
            } catch (JwtDecoderInitializationException e) {
                // the provider's keys (issuer-uri) could not be fetched: the token is not refused, it cannot be checked
                throw new AuthenticationServiceException("The identity provider's keys cannot be fetched", e);
            }
            OAuth2TokenValidatorResult result = validator.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException("The token is not valid for the registry", result.getErrors());
            }
            return jwt;
        };
    }

    private static boolean hasRegistryRole(Object roles) {
        if (!(roles instanceof Collection<?> values)) {
            return false;
        }
        for (Object value : values) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(String.valueOf(value))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code roles: ["OWNER"]} and {@code state: "16"} become {@code ROLE_OWNER} and {@code STATE_16}. */
    static JwtAuthenticationConverter jwtConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::authorities);
        return converter;
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null) {
            for (String role : roles) {
                for (Role known : Role.values()) {
                    if (known.name().equalsIgnoreCase(role)) {
                        authorities.add(new SimpleGrantedAuthority(known.authority()));
                    }
                }
            }
        }
        String state = jwt.getClaimAsString("state");
        if (state != null && state.matches("(0[1-9]|1[0-6])")) {
            authorities.add(new SimpleGrantedAuthority(RegistryUser.STATE_AUTHORITY_PREFIX + state));
        }
        return authorities;
    }
}
