package de.efa.registry.command.service.linkcheck;

import de.efa.registry.command.axon.CommandSender;
import de.efa.registry.command.lookup.VersionLink;
import de.efa.registry.command.lookup.VersionLinks;
import de.efa.registry.kernel.common.DomainException;
import de.efa.registry.kernel.common.RegistryMetaData;
import de.efa.registry.kernel.service.RecordOnlineStatus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Probes the URL of every version in service (ACTIVE or DEPRECATED: a deprecated version still serves its adopters
 * until it is retired) once a round and records what it saw as {@link RecordOnlineStatus}; the service turns only a
 * change into an event. The rounds run on a thread of their own, the probes on a small pool of their own, at most
 * {@code concurrency} at a time: the command path never waits for a site. Which versions to probe comes from the
 * write-side lookup ({@link VersionLinks}), not from the event store.
 */
class LinkChecker implements DisposableBean {

    static final String CHECKED_BY = "link-checker";
    private static final Logger log = LoggerFactory.getLogger(LinkChecker.class);

    private final VersionLinks links;
    private final CommandSender commands;
    private final LinkCheckerProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService rounds;
    private final ExecutorService probeThreads;
    private final LinkProbe probe;

    LinkChecker(VersionLinks links, CommandSender commands, LinkCheckerProperties properties, Clock clock) {
        this.links = links;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        this.rounds = Executors.newSingleThreadScheduledExecutor(daemon("link-checker"));
        this.probeThreads = Executors.newFixedThreadPool(properties.concurrency(), daemon("link-probe"));
        this.probe = new LinkProbe(properties.timeout(), probeThreads);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long interval = properties.interval().toMillis();
        rounds.scheduleWithFixedDelay(this::roundLogged, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Link checker on: every {}, timeout {}, {} probes at a time", properties.interval(),
                properties.timeout(), properties.concurrency());
    }

    private void roundLogged() {
        try {
            Round round = round();
            log.info("Link check: {} versions checked, {} changed, {} not recorded", round.checked(), round.changed(),
                    round.notRecorded());
        } catch (RuntimeException e) {
            // a failed round (the store away) must not end the schedule: the next round tries again
            log.warn("Link check round failed: {}", e.toString());
        }
    }

    /** What one round did: versions probed, statuses that changed, results the service refused (retired meanwhile). */
    record Round(int checked, int changed, int notRecorded) {
    }

    Round round() {
        List<VersionLink> toCheck = links.inService();
        Semaphore slots = new Semaphore(properties.concurrency());
        List<CompletableFuture<ProbeResult>> probes = new ArrayList<>();
        for (VersionLink link : toCheck) {
            slots.acquireUninterruptibly();
            CompletableFuture<ProbeResult> result = probe.probe(link.url());
            result.whenComplete((r, e) -> slots.release());
            probes.add(result);
        }
        int changed = 0;
        int notRecorded = 0;
        for (int i = 0; i < toCheck.size(); i++) {
            VersionLink link = toCheck.get(i);
            ProbeResult result = probes.get(i).join();
            try {
                boolean recorded = commands.<Boolean>send(GenericCommandMessage.asCommandMessage(
                        new RecordOnlineStatus(link.serviceId(), link.version(), result.status(), clock.instant(),
                                CHECKED_BY, result.detail()))
                        .andMetaData(MetaData.with(RegistryMetaData.PRINCIPAL, CHECKED_BY))).result();
                if (recorded) {
                    changed++;
                }
            } catch (DomainException e) {
                // retired (or gone) between reading the lookup and recording: nothing to record any more
                notRecorded++;
                log.debug("Online status of {} {} not recorded: {}", link.serviceId(), link.version(), e.getMessage());
            }
        }
        return new Round(toCheck.size(), changed, notRecorded);
    }

    @Override
    public void destroy() {
        rounds.shutdownNow();
        probeThreads.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
