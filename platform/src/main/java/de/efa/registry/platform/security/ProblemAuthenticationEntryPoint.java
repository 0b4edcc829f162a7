package de.efa.registry.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.registry.platform.web.ProblemTypes;
import de.efa.registry.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;
import java.net.URI;

/**
 * 401 and 403 as problem answers. A 401 reads the same for an unknown user and a wrong password, so the
 * answer never tells which accounts exist.
 * <p>
 * A script that marks its calls with {@code X-Requested-With: XMLHttpRequest} (the dashboard) gets its 401 without
 * the {@code WWW-Authenticate} challenge: a challenge makes browsers pop their native login dialog over a
 * {@code fetch()}, where the page wants to show its own form.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);
    static final String REQUESTED_WITH = "X-Requested-With";
    static final String XML_HTTP_REQUEST = "XMLHttpRequest";

    private final ProblemWriter problems;
    private final String challenge;

    ProblemAuthenticationEntryPoint(ObjectMapper objectMapper, String challenge) {
        this.problems = new ProblemWriter(objectMapper);
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (!XML_HTTP_REQUEST.equalsIgnoreCase(request.getHeader(REQUESTED_WITH))) {
            // RFC 6750: a bearer token that was sent but refused says so, so a client knows to get a new one
            boolean refusedToken = e instanceof OAuth2AuthenticationException && challenge.startsWith("Bearer");
            response.setHeader("WWW-Authenticate", refusedToken ? challenge + " error=\"invalid_token\"" : challenge);
        }
        write(response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthorized",
                "Missing or invalid credentials");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", AccessRules.refusal(request));
    }

    /**
     * A token that could not be checked at all (the identity provider's keys could not be fetched): no one is
     * refused, the registry just cannot tell now — a 503 the client may retry, and one line in the log per request
     * instead of the servlet container's stack trace.
     */
    void authenticationUnavailable(HttpServletResponse response, AuthenticationServiceException e) throws IOException {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        log.warn("Cannot check tokens: {}", cause.toString());
        response.setHeader("Retry-After", ProblemTypes.RETRY_AFTER_SECONDS);
        write(response, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.AUTHENTICATION_UNAVAILABLE,
                "Authentication unavailable",
                "The registry cannot check credentials at the moment (its identity provider does not answer); retry later");
    }

    /** Bearer tokens that failed: refused ones as 401, ones that could not be checked as 503. */
    AuthenticationFailureHandler bearerFailures() {
        return (request, response, e) -> {
            if (e instanceof AuthenticationServiceException unavailable) {
                authenticationUnavailable(response, unavailable);
            } else {
                commence(request, response, e);
            }
        };
    }

    private void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail) throws IOException {
        problems.write(response, status, type, title, detail);
    }
}
