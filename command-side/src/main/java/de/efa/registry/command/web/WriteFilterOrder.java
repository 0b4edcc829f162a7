package de.efa.registry.command.web;

import jakarta.servlet.http.HttpServletRequest;

/** The write filters run after Spring Security (order -100): first the body limit, then idempotency. */
final class WriteFilterOrder {

    static final int BODY_LIMIT = 10;
    static final int IDEMPOTENCY = 20;

    private WriteFilterOrder() {
    }

    static boolean isWrite(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getRequestURI().startsWith("/api/v1/")
                && ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method));
    }
}
