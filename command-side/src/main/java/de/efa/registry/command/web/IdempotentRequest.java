package de.efa.registry.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Every event a request with an {@code Idempotency-Key} stores carries the key (principal/key) in its metadata
 * ({@value #META_DATA_KEY}). A crash between storing the events and remembering the answer leaves the key reserved
 * but unanswered; when it is repeated after the reservation expired, the stored events show that the request was
 * carried out, and it is not carried out a second time ({@link IdempotencyRecords}).
 */
@Configuration(proxyBeanMethods = false)
public class IdempotentRequest {

    static final String META_DATA_KEY = "idempotencyKey";
    /** The request attribute that holds the key (principal/key) while the request is served. */
    static final String ATTRIBUTE = IdempotentRequest.class.getName() + ".key";

    /** Marks the request with its key, for the commands that serve it. */
    static void mark(HttpServletRequest request, String id) {
        request.setAttribute(ATTRIBUTE, id);
    }

    /**
     * The key of the request being served, as command metadata: read from the request itself (Spring's request
     * scope), so it is known exactly where a request is served — and put explicitly on the commands sent for it.
     */
    public static MetaData metaData() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object id = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return id == null ? MetaData.emptyInstance() : MetaData.with(META_DATA_KEY, id);
    }

    /** Axon copies it from the command onto every event the command causes. */
    @Bean
    CorrelationDataProvider idempotencyKeyOnEvents() {
        return new SimpleCorrelationDataProvider(META_DATA_KEY);
    }
}
