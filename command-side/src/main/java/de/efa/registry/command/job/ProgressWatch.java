package de.efa.registry.command.job;

import de.efa.registry.command.web.RequestCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches every piece of long work running in this instance — synchronous requests and jobs alike — from one ticker
 * thread: the work's own threads only count, and a line is logged even while no item finishes (a stall shows).
 */
@Component
public class ProgressWatch implements DisposableBean {

    static final long TICK_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(ProgressWatch.class);

    private final Set<ProgressReport> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress-watch");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock = Clock.systemUTC();

    public ProgressWatch() {
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Carries the work out on the caller's thread, with a progress line at least every 5 s; what it stored is noted
     * on the request's commands.
     */
    public <T> T carryOut(LongWork<T> work, RequestCommands commands) {
        return carryOut(work, report -> commands.noteStored(report.lastStoredPosition()));
    }

    /** Carries out work that answers no request (the demo seeds): the same progress lines, no position. */
    public <T> T carryOut(LongWork<T> work) {
        return carryOut(work, report -> {
        });
    }

    private <T> T carryOut(LongWork<T> work, java.util.function.Consumer<ProgressReport> afterwards) {
        ProgressReport report = report(work, null);
        watch(report);
        try {
            T result = work.carryOut(report);
            afterwards.accept(report);
            return result;
        } finally {
            unwatch(report);
        }
    }

    ProgressReport report(LongWork<?> work, ProgressReport.Store store) {
        return new ProgressReport(work.description(), work.total(), clock, log::info, store);
    }

    void watch(ProgressReport report) {
        watched.add(report);
    }

    void unwatch(ProgressReport report) {
        watched.remove(report);
    }

    private void tick() {
        for (ProgressReport report : watched) {
            try {
                report.tick();
            } catch (RuntimeException e) {
                // an exception would end the schedule for good; a store that failed once may answer the next tick
                log.warn("Progress of {} not recorded: {}", report.what(), e.toString());
            }
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }
}
