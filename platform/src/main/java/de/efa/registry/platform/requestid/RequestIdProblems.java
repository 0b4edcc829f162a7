package de.efa.registry.platform.requestid;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem answered through Spring MVC — the problem advice's, the error controller's, a controller's own —
 * names the request it answers, so a client's report leads to the log lines. (Filters and the security entry point
 * write theirs with {@code ProblemWriter}, which does the same.)
 */
@RestControllerAdvice
public class RequestIdProblems implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            String id = RequestId.current();
            if (id != null) {
                problem.setProperty(RequestId.PROBLEM_PROPERTY, id);
            }
        }
        return body;
    }
}
