package de.efa.registry.command.web;

import de.efa.registry.platform.web.ProblemWriter;
import de.efa.registry.platform.web.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds and buffers the body of every write: 1 MiB, 32 MiB for the directory import (413 beyond). Buffering once
 * lets the idempotency filter hash exactly the bytes the controller reads. Runs after authentication, so an
 * anonymous caller cannot make the server read 32 MiB.
 */
@Component
@Order(WriteFilterOrder.BODY_LIMIT)
class BodyLimitFilter extends OncePerRequestFilter {

    static final int LIMIT = 1 << 20;
    static final int IMPORT_LIMIT = 32 << 20;
    static final String IMPORT_PATH = "/api/v1/admin/municipalities/import";

    private final ProblemWriter problems;

    BodyLimitFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WriteFilterOrder.isWrite(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int limit = IMPORT_PATH.equals(request.getRequestURI()) ? IMPORT_LIMIT : LIMIT;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // one byte beyond the limit tells "too large" without reading more; small bodies need no 64 KiB buffer
            body = in.readNBytes(limit + 1);
        }
        if (body.length > limit) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private void tooLarge(HttpServletResponse response, int limit) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                "The request body exceeds " + (limit >> 20) + " MiB");
    }
}
