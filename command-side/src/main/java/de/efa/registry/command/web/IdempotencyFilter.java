package de.efa.registry.command.web;

import de.efa.registry.platform.web.ProblemWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.efa.registry.platform.web.ProblemTypes;
import de.efa.registry.platform.web.RegistryHeaders;
import de.efa.registry.platform.web.StoreUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on every POST, once for all endpoints: a repeat with the same key and the same request
 * (method, path, query, content type, body) gets the first answer again — status, body, {@code Registry-Position} —
 * and stores nothing; the same key with another request is a 422. Keys are scoped per principal. Server errors are
 * not remembered, so the client can retry them.
 */
@Component
@Order(WriteFilterOrder.IDEMPOTENCY)
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /**
     * Reads JSON into maps and lists, writes it back with every object's fields in key order. A field named twice does
     * not parse (as the controllers refuse it): read into a map, {"a":2,"a":1} would hash like {"a":1} and be answered
     * with that request's stored answer instead of its own 400.
     */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final IdempotencyRecords records;
    private final ProblemWriter problems;

    IdempotencyFilter(IdempotencyRecords records, ProblemWriter problems) {
        this.records = records;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(RegistryHeaders.IDEMPOTENCY_KEY) == null
                || !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || !(request instanceof BufferedRequest buffered)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(RegistryHeaders.IDEMPOTENCY_KEY);
        if (!KEY.matcher(key).matches()) {
            problems.write(response, HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
            return;
        }
        String id = caller.getName() + "/" + key;
        String fingerprint = fingerprint(buffered);
        IdempotencyRecords.Reservation reservation;
        try {
            reservation = records.reserve(id, fingerprint);
        } catch (RuntimeException e) {
            // answered here: thrown out of a filter it would be logged with its stack trace by the servlet container
            log.warn("Store unavailable: {}", storeFailure(e).toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, ProblemTypes.RETRY_AFTER_SECONDS);
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.STORE_UNAVAILABLE,
                    StoreUnavailable.TITLE, StoreUnavailable.DETAIL);
            return;
        }
        if (reservation instanceof IdempotencyRecords.Reused) {
            problems.write(response, HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency key reused", "This Idempotency-Key was used for a different request");
        } else if (reservation instanceof IdempotencyRecords.InUse) {
            // after a crash or a store outage the first attempt may be dead; it counts as running until its
            // reservation expires (docs/operations.md, "Idempotency-Key across a crash")
            response.setHeader(HttpHeaders.RETRY_AFTER, "10");
            problems.write(response, HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict",
                    "A request with this Idempotency-Key is still being processed");
        } else if (reservation instanceof IdempotencyRecords.Replay replay) {
            replay(response, replay.answer());
        } else {
            runAndRemember(buffered, response, chain, id, fingerprint);
        }
    }

    private void runAndRemember(BufferedRequest request, HttpServletResponse response, FilterChain chain, String id,
                                String fingerprint) throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            IdempotentRequest.mark(request, id);
            chain.doFilter(request, recorded);
        } catch (ServletException | IOException | RuntimeException e) {
            forget(id);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            forget(id);
        } else {
            try {
                records.remember(id, fingerprint, new IdempotencyRecords.Answer(recorded.getStatus(),
                        recorded.getContentType(), recorded.getHeader(RegistryHeaders.POSITION),
                        recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentAsByteArray()));
            } catch (RuntimeException e) {
                // the request is carried out: its caller gets its answer; a repeat finds the reservation, and once it
                // expired the events carrying the key (request-already-carried-out)
                log.warn("Could not record the answer to Idempotency-Key {}: {}", id, storeFailure(e).toString());
            }
        }
        recorded.copyBodyToResponse();
    }

    /** Gives the reservation up; without the store it expires instead (a repeat meanwhile answers 409). */
    private void forget(String id) {
        try {
            records.forget(id);
        } catch (RuntimeException e) {
            log.warn("Could not give up the reservation of Idempotency-Key {}: {}", id, storeFailure(e).toString());
        }
    }

    /** The store failure behind {@code e}; anything else is not the store's outage and goes on up. */
    private static Throwable storeFailure(RuntimeException e) {
        Throwable storeFailure = StoreUnavailable.cause(e);
        if (storeFailure == null) {
            throw e;
        }
        return storeFailure;
    }

    private static void replay(HttpServletResponse response, IdempotencyRecords.Answer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.position() != null) {
            response.setHeader(RegistryHeaders.POSITION, answer.position());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        response.setHeader(REPLAYED, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private static String fingerprint(BufferedRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] json = canonicalJson(request);
            String head = request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString()
                    + "\n" + (json != null ? "json" : request.getContentType()) + "\n";
            sha.update(head.getBytes(StandardCharsets.UTF_8));
            sha.update(json != null ? json : request.body());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JSON body as its content, not its bytes: a client that sends the same request again may well serialise it
     * anew — other spacing, another order of fields — and it is still the same request. Null when the body is not
     * JSON or does not parse (then its bytes count, and the request itself is refused further on).
     */
    private static byte[] canonicalJson(BufferedRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            return null;
        }
        try {
            return CANONICAL.writeValueAsBytes(CANONICAL.readValue(request.body(), Object.class));
        } catch (IOException e) {
            return null;
        }
    }
}
