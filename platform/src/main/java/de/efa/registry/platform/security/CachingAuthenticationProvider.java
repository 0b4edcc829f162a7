package de.efa.registry.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * BCrypt makes every password check cost tens of milliseconds by design; HTTP Basic checks on every request.
 * Successful checks are remembered for a short while under a SHA-256 of the credentials (never the password
 * itself), so a busy client pays once. Failures are never cached, so a wrong password always pays full price.
 * <p>
 * A busy client must not pay all at once either: when a remembered check ran out, every request of that client in
 * flight ran BCrypt of its own — at a thousand requests a second a hundred of them on two cores, which stopped the
 * registry for about three seconds every five minutes (seen as the lookup benchmark's tail). So concurrent checks of
 * the same credentials run BCrypt once (the others wait for it), and a check is repeated by one request shortly
 * before it runs out while the others go on with it.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;
    /** The share of its lifetime after which a remembered check is repeated by the next request. */
    private static final double REFRESH_AT = 0.8;

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final long refreshAfterMillis;
    private final Cache<String, Checked> cache;

    /** A successful check, and whether a request is already repeating it. */
    private record Checked(Authentication authentication, long refreshAt, AtomicBoolean refreshing) {
    }

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.refreshAfterMillis = (long) (ttl.toMillis() * REFRESH_AT);
        this.cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(ttl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String key = key(authentication.getName(), String.valueOf(authentication.getCredentials()));
        // one check at a time per credentials: concurrent requests wait for it instead of each running BCrypt
        Checked checked = cache.get(key, k -> check(authentication));
        if (checked == null) {
            return null;
        }
        if (clock.millis() >= checked.refreshAt() && checked.refreshing().compareAndSet(false, true)) {
            // close to its end: this request checks again, the others go on with the check they have
            try {
                Checked again = check(authentication);
                if (again == null) {
                    cache.invalidate(key);
                } else {
                    cache.put(key, again);
                }
            } catch (AuthenticationException e) {
                cache.invalidate(key);
                throw e;
            }
        }
        return checked.authentication();
    }

    /** The delegate's check; null when it did not authenticate (nothing is remembered then). */
    private Checked check(Authentication authentication) {
        Authentication result = delegate.authenticate(authentication);
        if (result == null || !result.isAuthenticated()) {
            return null;
        }
        return new Checked(result, clock.millis() + refreshAfterMillis, new AtomicBoolean());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String key(String username, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
