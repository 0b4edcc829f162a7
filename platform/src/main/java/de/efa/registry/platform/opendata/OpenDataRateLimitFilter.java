package de.efa.registry.platform.opendata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.efa.registry.platform.web.ProblemTypes;
import de.efa.registry.platform.web.ProblemWriter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Rate limits on the open paths, per client address: a token bucket each (Bucket4j) holding
 * {@code capacity} requests that come back all at once when the window ({@code period}) has passed. Every answer on
 * these paths names the limit in the headers the FIT-Connect Routing API names ({@code RateLimit-Limit},
 * {@code RateLimit-Remaining}, {@code RateLimit-Reset}: seconds until the window starts anew); an exhausted bucket is a
 * 429 problem with {@code Retry-After}.
 * <p>
 * The client address is the request's remote address. Behind a proxy the application trusts
 * ({@code server.forward-headers-strategy=native}: Tomcat takes {@code X-Forwarded-For} only from internal proxies)
 * it is the forwarded one; a client cannot choose its bucket by sending the header itself to an instance that trusts
 * no proxy. The buckets are kept in a bounded cache: an address idle for a whole window would have a full bucket
 * anyway, and beyond {@code maxClients} the least recently seen ones are forgotten.
 */
public class OpenDataRateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private final OpenDataProperties.RateLimit limit;
    private final ProblemWriter problems;
    private final Cache<String, Bucket> buckets;

    public OpenDataRateLimitFilter(OpenDataProperties.RateLimit limit, ProblemWriter problems) {
        this.limit = limit;
        this.problems = problems;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(limit.maxClients())
                .expireAfterAccess(limit.period())
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !OpenDataPaths.isOpen(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(clientAddress(request), address -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        response.setHeader(LIMIT, Long.toString(limit.capacity()));
        response.setHeader(REMAINING, Long.toString(probe.getRemainingTokens()));
        response.setHeader(RESET, Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests",
                "This client address made " + limit.capacity() + " requests to the open data within "
                        + limit.period().toSeconds() + " s; try again in " + retryAfter + " s");
    }

    private static String clientAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillIntervally(limit.capacity(), limit.period()).build())
                .build();
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
