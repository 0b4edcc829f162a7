package de.efa.registry.platform.requestid;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Gives every request its {@link RequestId} before anything else runs — before security, so a 401 carries it too —
 * and takes it off the thread afterwards. The servlet container's error dispatch (a {@code sendError}, an exception
 * no one answered) runs after the request's own dispatch returned; it gets the same id back from the request.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object earlier = request.getAttribute(ATTRIBUTE);
        String id = earlier instanceof String known ? known : RequestId.acceptOrMake(request.getHeader(RequestId.HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(RequestId.HEADER, id);
        String outer = MDC.get(RequestId.MDC_KEY);
        MDC.put(RequestId.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(RequestId.MDC_KEY);
            } else {
                MDC.put(RequestId.MDC_KEY, outer);
            }
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        // a streamed answer (the audit export) finishes on another thread: its log lines belong to the request too
        return false;
    }
}
