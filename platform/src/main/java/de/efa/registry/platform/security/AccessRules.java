package de.efa.registry.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.util.AntPathMatcher;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The URL rules of the role matrix (API.md), first match wins — kept as data so that the security filter chain
 * applies them and a refused caller learns from the same table which role the endpoint needs, instead of a bare
 * "your role may not do this" that leaves it guessing.
 */
final class AccessRules {

    /** One rule: requests (of one method, or any) under these paths need one of these roles; none = any caller signed in. */
    record Rule(HttpMethod method, String pattern, List<Role> roles) {

        boolean matches(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return (method == null || method.matches(request.getMethod())) && PATHS.match(pattern, path);
        }

        /** What the caller lacks, e.g. "This needs the role ADMIN" or "This needs one of the roles AUDITOR, ADMIN". */
        String needs() {
            if (roles.isEmpty()) {
                return "This needs a signed-in caller";
            }
            if (roles.equals(List.of(Role.OWNER, Role.ADMIN))) {
                // an owner writes only for its own state, which the command endpoint checks once it knows the state
                return "This needs the role OWNER (of the state concerned) or ADMIN";
            }
            if (roles.size() == 1) {
                return "This needs the role " + roles.get(0);
            }
            return roles.stream().map(Role::name).collect(Collectors.joining(", ", "This needs one of the roles ", ""));
        }

        void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url = method == null
                    ? auth.requestMatchers(pattern) : auth.requestMatchers(method, pattern);
            if (roles.isEmpty()) {
                url.authenticated();
            } else {
                url.hasAnyRole(roles.stream().map(Role::name).toArray(String[]::new));
            }
        }
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /** After the public paths (health, API docs, dashboard files, /error); anything else is denied to everyone. */
    static final List<Rule> RESTRICTED = List.of(
            new Rule(null, "/actuator/**", List.of(Role.ADMIN)),
            new Rule(null, "/api/v1/admin/**", List.of(Role.ADMIN)),
            new Rule(null, "/api/v1/audit/**", List.of(Role.AUDITOR, Role.ADMIN)),
            new Rule(null, "/api/v1/stats/**", List.of(Role.ANALYST, Role.AUDITOR, Role.ADMIN)),
            new Rule(HttpMethod.GET, "/api/v1/**", List.of()),
            // the public interfaces: read by any signed-in caller, or by anyone when open data is on (OpenDataPaths)
            new Rule(HttpMethod.GET, "/fit-connect/v1/**", List.of()),
            new Rule(HttpMethod.GET, "/dv/v1/**", List.of()),
            new Rule(null, "/api/v1/**", List.of(Role.OWNER, Role.ADMIN)));

    private AccessRules() {
    }

    static Optional<Rule> ruleFor(HttpServletRequest request) {
        return RESTRICTED.stream().filter(rule -> rule.matches(request)).findFirst();
    }

    /** The detail of a 403 for this request. */
    static String refusal(HttpServletRequest request) {
        return ruleFor(request).map(Rule::needs).orElse("Nothing is served to anyone at this path");
    }
}
