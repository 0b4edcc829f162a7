package de.efa.registry.platform.requestid;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a request's answer to its log lines: taken from the caller's (or the gateway's)
 * {@code X-Request-Id} when it is a harmless token, otherwise made here. It travels in the MDC, so every log line of
 * the request — and every structured log document — carries it, and it is returned in the response header and in
 * every problem answer.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key, and so the field name in structured logs. */
    public static final String MDC_KEY = "requestId";
    /** The property of every problem answer. */
    public static final String PROBLEM_PROPERTY = "requestId";

    static final int MAX_LENGTH = 64;
    /**
     * Letters, digits and {@code . _ -}: enough for UUIDs, nginx's {@code $request_id} and the ids of common tracing
     * gateways; nothing that could forge a log line (line breaks), break out of a JSON string or a header, or inflate
     * every log line of the request.
     */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private RequestId() {
    }

    /** The caller's id if it is safe to repeat in logs and answers, else a new one. */
    static String acceptOrMake(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /**
     * {@code work} as it runs on another thread (a job, after its 202 was answered) under the id of the request that
     * started it — the one this thread serves now — so that its log lines lead back to that request.
     */
    public static Runnable carriedInto(Runnable work) {
        String id = current();
        if (id == null) {
            return work;
        }
        return () -> {
            MDC.put(MDC_KEY, id);
            try {
                work.run();
            } finally {
                MDC.remove(MDC_KEY);
            }
        };
    }

    /** The id of the request this thread serves, or {@code null} outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
