package de.efa.registry.embedded;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when the journal is folded into a checkpoint. The journal holds every version of every document ever
 * written (a lookup document is written again for each adoption of its municipality), the checkpoint only the
 * live ones; so a checkpoint is written
 * <ul>
 *   <li>while writes go on, when the journal since the last checkpoint has grown to half the live documents (at
 *   least {@value #BUSY_MIN_JOURNAL_MB} MB): the files then stay below about 2.5 times the live data, and the cost
 *   of rewriting the live data is spread over at least as many bytes of writes;</li>
 *   <li>when writes have gone quiet (less than {@value #QUIET_BYTES_PER_CHECK} bytes in the last check interval)
 *   and the journal holds more than {@value #QUIET_MIN_JOURNAL_BYTES} bytes: an idle store then takes the size of
 *   its live data (and a restart reads one file instead of replaying the journal).</li>
 * </ul>
 */
final class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    static final long CHECK_INTERVAL_SECONDS = 5;
    static final long BUSY_MIN_JOURNAL_MB = 64;
    static final long QUIET_BYTES_PER_CHECK = 256 * 1024;
    static final long QUIET_MIN_JOURNAL_BYTES = 1024 * 1024;

    private final Journal journal;
    private final ScheduledExecutorService scheduler;
    private long writtenAtLastCheck;

    Checkpoints(Journal journal) {
        this.journal = journal;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::checkQuietly, CHECK_INTERVAL_SECONDS, CHECK_INTERVAL_SECONDS,
            TimeUnit.SECONDS);
    }

    static boolean due(long journalBytes, long liveBytes, long bytesSinceLastCheck) {
        boolean outgrown = journalBytes > Math.max(BUSY_MIN_JOURNAL_MB * 1024 * 1024, liveBytes / 2);
        boolean quiet = bytesSinceLastCheck < QUIET_BYTES_PER_CHECK && journalBytes > QUIET_MIN_JOURNAL_BYTES;
        return outgrown || quiet;
    }

    private void checkQuietly() {
        try {
            long written = journal.bytesWritten();
            long sinceLastCheck = written - writtenAtLastCheck;
            writtenAtLastCheck = written;
            long journalBytes = journal.bytesSinceCheckpoint();
            long liveBytes = journal.storedBytes();
            if (due(journalBytes, liveBytes, sinceLastCheck)) {
                long start = System.nanoTime();
                journal.checkpoint();
                log.info("embedded store checkpoint: {} MB of documents written, {} MB of journal dropped, {} ms",
                    liveBytes / (1024 * 1024), journalBytes / (1024 * 1024), (System.nanoTime() - start) / 1_000_000);
                writtenAtLastCheck = journal.bytesWritten();
            }
        } catch (RuntimeException e) {
            log.warn("checkpoint of the embedded store failed (the journal keeps everything meanwhile)", e);
        }
    }

    /** Stops checking; waits for a checkpoint under way (an interrupted file write would close the file). */
    void stop() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
