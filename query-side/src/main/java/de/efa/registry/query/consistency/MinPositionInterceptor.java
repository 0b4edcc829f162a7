package de.efa.registry.query.consistency;

import de.efa.registry.platform.web.ProblemTypes;
import de.efa.registry.platform.web.RegistryHeaders;
import de.efa.registry.platform.web.RegistryProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Honours {@code Registry-Min-Position}: a read waits until the projections have processed that position, at most
 * {@code registry.query.min-position-wait} (ten seconds), and otherwise answers 503 with {@code Retry-After}.
 */
@Component
@EnableConfigurationProperties(ReadConsistencyProperties.class)
public class MinPositionInterceptor implements HandlerInterceptor {

    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    private final ProjectionProgress progress;
    private final Duration maxWait;

    public MinPositionInterceptor(ProjectionProgress progress,
                                  ReadConsistencyProperties properties) {
        this.progress = progress;
        this.maxWait = properties.minPositionWait();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(RegistryHeaders.MIN_POSITION);
        if (header == null || header.isBlank()) {
            return true;
        }
        long position;
        try {
            position = Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw RegistryProblem.badRequest(RegistryHeaders.MIN_POSITION + " must be a whole number");
        }
        if (position < 0) {
            // positions start at 0: a negative one is a client's mistake, not a wait that is over at once
            throw RegistryProblem.badRequest(RegistryHeaders.MIN_POSITION + " must not be negative (got " + position + ")");
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!progress.hasProcessed(position)) {
            if (System.nanoTime() > deadline) {
                response.setHeader("Retry-After", "1");
                throw new RegistryProblem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.NOT_YET_CONSISTENT,
                        "Not yet consistent", "The projections have not reached position " + position + " yet; retry shortly");
            }
            // a request thread parks briefly; projections advance independently of it
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }
}
