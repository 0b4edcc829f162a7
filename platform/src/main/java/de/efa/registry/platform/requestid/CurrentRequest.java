package de.efa.registry.platform.requestid;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The request a log line is about, in words an operator can search for: method, path and request id. */
public final class CurrentRequest {

    private CurrentRequest() {
    }

    /** {@code POST /api/v1/services (request 3f2c…)}, or {@code no request} outside one. */
    public static String describe() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return "no request";
        }
        HttpServletRequest request = servlet.getRequest();
        // the path only: a query string may carry what does not belong in a log
        return request.getMethod() + " " + request.getRequestURI() + " (request " + RequestId.current() + ")";
    }
}
