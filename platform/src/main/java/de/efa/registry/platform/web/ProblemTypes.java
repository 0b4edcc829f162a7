package de.efa.registry.platform.web;

import java.net.URI;

/** The {@code type} URIs of the registry's problem answers (RFC 9457); a 422's type names the rule it enforces. */
public final class ProblemTypes {

    public static final String BASE = "https://efa-registry.de/problems/";
    /**
     * Seconds a client is asked to wait before repeating a request answered 503: the driver looks for the store again
     * every few hundred milliseconds, the identity provider's keys are fetched again with the next token.
     */
    public static final String RETRY_AFTER_SECONDS = "5";

    public static final URI INVALID_INPUT = of("invalid-input");
    public static final URI MALFORMED_BODY = of("malformed-body");
    public static final URI UNAUTHENTICATED = of("unauthenticated");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI CONFLICT = of("conflict");
    public static final URI CONCURRENT_CHANGE = of("concurrent-change");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI NOT_YET_CONSISTENT = of("not-yet-consistent");
    public static final URI IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused");
    public static final URI REQUEST_ALREADY_CARRIED_OUT = of("request-already-carried-out");
    public static final URI STORE_UNAVAILABLE = of("store-unavailable");
    public static final URI AUTHENTICATION_UNAVAILABLE = of("authentication-unavailable");
    public static final URI INTERNAL = of("internal-error");
    public static final URI TOO_MANY_REQUESTS = of("too-many-requests");

    private ProblemTypes() {
    }

    /** The generic type of a status, for refusals that name no rule. */
    public static URI forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            default -> status >= 500 ? INTERNAL : INVALID_INPUT;
        };
    }

    public static URI of(String name) {
        return URI.create(BASE + name);
    }
}
