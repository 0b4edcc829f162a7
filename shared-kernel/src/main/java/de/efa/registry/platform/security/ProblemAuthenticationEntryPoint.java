package de.efa.registry.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.registry.platform.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

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

    static final String REQUESTED_WITH = "X-Requested-With";
    static final String XML_HTTP_REQUEST = "XMLHttpRequest";

    private final ObjectMapper objectMapper;
    private final String challenge;

    ProblemAuthenticationEntryPoint(ObjectMapper objectMapper, String challenge) {
        this.objectMapper = objectMapper;
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
        write(response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", "Your role may not do this");
    }

    private void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
