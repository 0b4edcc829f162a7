package de.efa.registry.query.fitconnect;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Routing API types a problem's {@code instance} as an absolute URI, where Spring fills in the bare request path:
 * under {@code /fit-connect/} the problem names the full URL it answers (scheme and host as the client used them,
 * the query left out — it may be ten thousand characters of hostile input).
 */
@ControllerAdvice
class AbsoluteProblemInstance implements ResponseBodyAdvice<Object> {

    static final String PREFIX = "/fit-connect/";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
                                  Class<? extends HttpMessageConverter<?>> selectedConverterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getRequestURI().startsWith(PREFIX)) {
            problem.setInstance(ServletUriComponentsBuilder.fromRequestUri(servlet.getServletRequest()).replaceQuery(null)
                    .build().toUri());
        }
        return body;
    }
}
