package de.efa.registry.bench;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The reading counts the CPU of the server's worker threads, and only theirs. */
class ServerThreadsTest {

    private static final long BUSY_NANOS = TimeUnit.MILLISECONDS.toNanos(60);

    @Test
    void countsTheCpuOfWorkerThreadsAndNoOtherThread() throws Exception {
        ServerThreads threads = ServerThreads.start();
        CountDownLatch busy = new CountDownLatch(2);
        CountDownLatch read = new CountDownLatch(1);
        Thread worker = burner("mongo-server-worker-test", busy, read);
        Thread other = burner("not-a-server-thread", busy, read);
        worker.start();
        other.start();
        assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();

        ServerThreads.Reading reading = threads.stop();
        read.countDown();
        worker.join();
        other.join();

        // the worker burned at least BUSY_NANOS; the other thread burned as much, which must not be counted
        assertThat(reading.present()).isTrue();
        assertThat(reading.cpuNanos()).isGreaterThanOrEqualTo(BUSY_NANOS).isLessThan(2 * BUSY_NANOS);
        assertThat(reading.busiestNanos()).isEqualTo(reading.cpuNanos());
        assertThat(reading.busiestShare()).isGreaterThan(0.0);
    }

    @Test
    void readsNothingWithoutWorkerThreads() {
        ServerThreads.Reading reading = ServerThreads.start().stop();

        assertThat(reading.present()).isFalse();
        assertThat(reading.busiestShare()).isZero();
    }

    /** A thread that burns BUSY_NANOS of its own CPU, says so, and stays alive until the reading was taken. */
    private static Thread burner(String name, CountDownLatch busy, CountDownLatch read) {
        Thread thread = new Thread(() -> {
            var bean = ManagementFactory.getThreadMXBean();
            long start = bean.getCurrentThreadCpuTime();
            while (bean.getCurrentThreadCpuTime() - start < BUSY_NANOS) {
                Thread.onSpinWait();
            }
            busy.countDown();
            try {
                read.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }
}
