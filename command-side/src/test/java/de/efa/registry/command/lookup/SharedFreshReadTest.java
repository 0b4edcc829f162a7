package de.efa.registry.command.lookup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The shared read must never hand a caller the result of a read that began before the caller asked (that read may
 * have missed a change the caller knows of), and callers asking together must share reads.
 */
class SharedFreshReadTest {

    /** What the store holds; a read takes its value when it begins, as a store answers before later changes. */
    private final AtomicLong stored = new AtomicLong(1);
    private final AtomicInteger reads = new AtomicInteger();
    private final CountDownLatch firstReadMayReturn = new CountDownLatch(1);
    private volatile boolean firstReadFails;
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<Thread> callerThreads = new ArrayList<>();

    private final SharedFreshRead shared = new SharedFreshRead(() -> {
        long value = stored.get();
        if (reads.incrementAndGet() == 1) {
            awaitUninterruptibly(firstReadMayReturn);
            if (firstReadFails) {
                throw new IllegalStateException("the store went away");
            }
        }
        return value;
    });

    @AfterEach
    void stopCallers() {
        firstReadMayReturn.countDown();
        callers.shutdownNow();
    }

    @Test
    void aCallerBehindAReadOnItsWayGetsTheValueOfALaterRead() {
        CompletableFuture<Long> first = ask();
        await().until(() -> reads.get() == 1);
        stored.set(2); // a change made after the first read was answered, before the second caller asks
        CompletableFuture<Long> second = ask();
        awaitWaiting(2);

        firstReadMayReturn.countDown();

        assertThat(first.join()).isEqualTo(1L);
        assertThat(second.join()).isEqualTo(2L);
        assertThat(reads).hasValue(2);
    }

    @Test
    void callersAskingWhileAReadIsOnItsWayShareTheNextRead() {
        CompletableFuture<Long> first = ask();
        await().until(() -> reads.get() == 1);
        stored.set(7);
        List<CompletableFuture<Long>> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(ask());
        }
        awaitWaiting(11);

        firstReadMayReturn.countDown();

        assertThat(first.join()).isEqualTo(1L);
        assertThat(waiting).allSatisfy(value -> assertThat(value.join()).isEqualTo(7L));
        assertThat(reads).as("the first read and one shared by the ten").hasValue(2);
    }

    @Test
    void aCallerAloneReadsAtOnceEveryTime() {
        firstReadMayReturn.countDown();

        assertThat(shared.get()).isEqualTo(1L);
        stored.set(3);
        assertThat(shared.get()).isEqualTo(3L);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadFailsItsCallerAndTheCallersBehindItReadAgain() {
        firstReadFails = true;
        CompletableFuture<Long> first = ask();
        await().until(() -> reads.get() == 1);
        stored.set(5);
        CompletableFuture<Long> second = ask();
        awaitWaiting(2);

        firstReadMayReturn.countDown();

        assertThatThrownBy(first::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(second.join()).isEqualTo(5L);
        assertThat(reads).hasValue(2);
    }

    private CompletableFuture<Long> ask() {
        return CompletableFuture.supplyAsync(() -> {
            synchronized (callerThreads) {
                callerThreads.add(Thread.currentThread());
            }
            return shared.get();
        }, callers);
    }

    /** Until this many callers are inside the shared read: the one reading, the others waiting for their turn. */
    private void awaitWaiting(int callersInside) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            synchronized (callerThreads) {
                return callerThreads.size() == callersInside && callerThreads.stream().allMatch(t ->
                        t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
            }
        });
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                if (latch.await(30, TimeUnit.SECONDS)) {
                    break;
                }
                throw new IllegalStateException("the test never released the first read");
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
