package de.efa.registry.platform.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Remembered password checks: a busy client runs the slow check once per lifetime of a remembered check, never once
 * per concurrent request — also not when the remembered check runs out.
 */
class CachingAuthenticationProviderTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final ManualClock clock = new ManualClock();
    private final SlowCheck slow = new SlowCheck();
    private final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(slow, TTL, clock);
    private final ExecutorService requests = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        slow.release();
        requests.shutdownNow();
    }

    @Test
    void concurrentRequestsOfOneClientRunTheSlowCheckOnce() throws Exception {
        slow.hold();
        List<Future<Authentication>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(requests.submit(() -> provider.authenticate(login("demo"))));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.started.get() >= 1);
        slow.release();
        for (Future<Authentication> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS).isAuthenticated()).isTrue();
        }
        assertThat(slow.started).as("slow checks for 8 concurrent requests").hasValue(1);
    }

    @Test
    void closeToItsEndOneRequestChecksAgainWhileTheOthersGoOn() throws Exception {
        provider.authenticate(login("demo"));
        clock.advance(TTL.multipliedBy(9).dividedBy(10));
        slow.hold();
        Future<Authentication> refreshing = requests.submit(() -> provider.authenticate(login("demo")));
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.started.get() == 2);

        Future<Authentication> other = requests.submit(() -> provider.authenticate(login("demo")));
        assertThat(other.get(5, TimeUnit.SECONDS).isAuthenticated())
                .as("answered while the check is being repeated").isTrue();
        slow.release();
        assertThat(refreshing.get(5, TimeUnit.SECONDS).isAuthenticated()).isTrue();
        assertThat(slow.started).hasValue(2);

        clock.advance(TTL.dividedBy(2));
        provider.authenticate(login("demo"));
        assertThat(slow.started).as("the repeated check lives a lifetime of its own").hasValue(2);
    }

    @Test
    void aCheckNotRepeatedRunsOutAndIsMadeAgain() {
        provider.authenticate(login("demo"));
        provider.authenticate(login("demo"));
        assertThat(slow.started).hasValue(1);
        clock.advance(TTL.plusSeconds(1));
        provider.authenticate(login("demo"));
        assertThat(slow.started).hasValue(2);
    }

    @Test
    void wrongPasswordsAreNeverRemembered() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(slow.started).hasValue(3);
    }

    @Test
    void aPasswordRefusedWhenCheckedAgainIsForgotten() {
        provider.authenticate(login("demo"));
        clock.advance(TTL.multipliedBy(9).dividedBy(10));
        slow.accepted = "changed";
        assertThatThrownBy(() -> provider.authenticate(login("demo"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("demo"))).isInstanceOf(BadCredentialsException.class);
    }

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("owner-by", password);
    }

    /** A password check that takes as long as the test wants, and counts how often it was asked. */
    private static final class SlowCheck implements AuthenticationProvider {

        final AtomicInteger started = new AtomicInteger();
        volatile String accepted = "demo";
        private volatile CountDownLatch gate = new CountDownLatch(0);

        void hold() {
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            started.incrementAndGet();
            try {
                if (!gate.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the check");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!accepted.equals(authentication.getCredentials())) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
                    AuthorityUtils.createAuthorityList("ROLE_OWNER"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }

    /** A clock the test moves. */
    private static final class ManualClock extends Clock {

        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-30T06:00:00Z").toEpochMilli());

        void advance(Duration duration) {
            millis.addAndGet(duration.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
