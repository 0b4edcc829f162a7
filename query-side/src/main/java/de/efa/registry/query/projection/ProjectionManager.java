package de.efa.registry.query.projection;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.platform.web.RegistryProblem;
import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import de.efa.registry.platform.store.TokenStoreProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs every projection's serving version, and a rebuild beside it when asked ({@link Rebuilds}); follows what other
 * instances change ({@link VersionFollower}) and shares the segments with them ({@link SegmentBalancer}). One lock
 * guards what runs here: the watcher, the admin endpoints and the lifecycle take it; readers asking for claims or
 * positions do not wait for it.
 * <p>
 * A version is only fed by code of the layout it was built in ({@link Projection#layout()}): documents of two shapes
 * in one version would mix and count twice. When the serving version's layout is not the code's, it keeps answering
 * readers but nothing here feeds it, and a rebuild in the code's layout starts on its own.
 */
@Component
@EnableConfigurationProperties(ProjectionSettings.class)
public class ProjectionManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionManager.class);

    private final Map<String, Projection> projections = new LinkedHashMap<>();
    private final Map<String, RunningProjection> running = new LinkedHashMap<>();
    /** The same, for readers that must not wait for the manager's lock (see {@link #claimOf}). */
    private final Map<String, RunningProjection> runningForReaders = new ConcurrentHashMap<>();
    private final ActiveVersions versions;
    private final DeadLetterQueue deadLetters;
    private final DeadLetterRetry retrier;
    private final MongoEventStorageEngine engine;
    private final PromptEventSource source;
    private final VersionProcessors processors;
    private final Rebuilds rebuilds;
    private final VersionFollower follower;
    private final SegmentBalancer balancer;
    private final ProjectionStatuses statuses;
    private ScheduledExecutorService watcher;
    private volatile boolean started;

    public ProjectionManager(List<Projection> projections, ActiveVersions versions, DeadLetterQueue deadLetters,
                             TokenStore tokenStore, EventStore eventStore, MongoEventStorageEngine engine,
                             MongoDatabase registryDatabase, ProjectionSettings settings,
                             DeadLetterRetry retrier, StoredTokens storedTokens, SegmentShare share,
                             TokenStoreProperties claims) {
        Duration claimTimeout = claims.claimTimeout();
        projections.forEach(p -> this.projections.put(p.name(), p));
        this.versions = versions;
        this.deadLetters = deadLetters;
        this.retrier = retrier;
        this.engine = engine;
        this.source = new PromptEventSource(eventStore);
        this.processors = new VersionProcessors(registryDatabase, deadLetters, tokenStore, storedTokens, source,
                settings, claimTimeout);
        this.rebuilds = new Rebuilds(versions, processors, engine, settings);
        this.follower = new VersionFollower(versions, processors, settings);
        this.balancer = new SegmentBalancer(share, settings);
        this.statuses = new ProjectionStatuses(deadLetters);
    }

    @Override
    public synchronized void start() {
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "projection-watcher");
            thread.setDaemon(true);
            return thread;
        });
        for (Projection projection : projections.values()) {
            ActiveVersions.Pointer pointer = versions.pointer(projection);
            RunningProjection run = new RunningProjection(projection, processors.processor(projection, pointer.active()),
                    pointer.layout());
            running.put(projection.name(), run);
            runningForReaders.put(projection.name(), run);
            boolean frozen = run.frozen();
            if (frozen) {
                log.info("Projection {}: the serving version {} is in layout {}, this code writes layout {}; it answers "
                                + "readers, unfed, until a rebuild in layout {} takes over", projection.name(),
                        pointer.active(), pointer.layout(), projection.layout(), projection.layout());
            } else {
                run.live.start();
            }
            if (pointer.building() != null && pointer.buildingLayout() == projection.layout()) {
                run.building = processors.processor(projection, pointer.building());
                run.building.start();
                run.rebuildStarted = System.nanoTime();
            } else if (frozen) {
                if (pointer.building() != null) {
                    // a rebuild in another layout: its instances see it replaced and stop feeding it
                    rebuilds.retireLater(processors.store(projection, pointer.building()), watcher);
                }
                rebuilds.start(run, pointer);
            }
        }
        watcher.scheduleWithFixedDelay(this::watch, 100, 100, TimeUnit.MILLISECONDS);
        started = true;
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (watcher != null) {
            watcher.shutdownNow();
        }
        balancer.leave();
        running.values().forEach(RunningProjection::stop);
        running.clear();
        runningForReaders.clear();
    }

    /** The context closes: the source's wake-up threads end with it. */
    @PreDestroy
    void close() {
        source.close();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        // after the web server is up and Axon's own components, before them on shutdown
        return Integer.MAX_VALUE - 100;
    }

    public List<String> names() {
        return List.copyOf(projections.keySet());
    }

    /** Starts a rebuild into a fresh version; a rebuild already running is reported, not restarted. */
    public synchronized ProjectionStatus rebuild(String name) {
        RunningProjection run = require(name);
        ActiveVersions.Pointer pointer = versions.pointer(run.projection);
        if (run.building == null && pointer.building() == null) {
            rebuilds.start(run, pointer);
        }
        return statuses.of(run, engine.lastStoredPosition());
    }

    public synchronized List<ProjectionStatus> statuses() {
        List<ProjectionStatus> result = new ArrayList<>();
        // stored events only: positions a crash left unwritten are never processed, and would show as lag for ever
        long head = engine.lastStoredPosition();
        running.values().forEach(run -> result.add(statuses.of(run, head)));
        return result;
    }

    public synchronized ProjectionStatus status(String name) {
        return statuses.of(require(name), engine.lastStoredPosition());
    }

    /**
     * Whether every serving projection has processed {@code position} (read-your-writes) in all its segments, also
     * those another instance claims: a reader may ask any instance. A serving version nothing feeds here answers from
     * its stored tokens, which stay where it was last fed.
     */
    public boolean hasProcessed(long position) {
        if (position <= 0) {
            return true;
        }
        List<ProjectionProcessor> serving;
        synchronized (this) {
            serving = running.values().stream().map(r -> r.live).toList();
        }
        for (ProjectionProcessor processor : serving) {
            if (!processor.hasProcessed(position)) {
                return false;
            }
        }
        return true;
    }

    /**
     * This instance's claim on the segment that projects {@code aggregateId} into {@code store}, if it feeds that
     * version here and holds the segment; empty otherwise (another instance's segment, a version being replaced, a
     * segment in error). A reader that keeps documents of the aggregate may use them while the claim stays equal and
     * the projection that writes them here has not told it of a write (each such projection tells its own readers).
     */
    public Optional<SegmentClaim> claimOf(String projection, ProjectionStore store, String aggregateId) {
        RunningProjection run = runningForReaders.get(projection);
        ProjectionProcessor live = run == null ? null : run.live;
        if (live == null || !live.store().prefix().equals(store.prefix()) || !live.isRunning()) {
            return Optional.empty();
        }
        return live.claimOf(aggregateId);
    }

    public List<DeadLetter> deadLetters(String name) {
        RunningProjection run;
        synchronized (this) {
            run = require(name);
        }
        List<DeadLetter> letters = new ArrayList<>(deadLetters.list(run.live.name()));
        if (run.building != null) {
            letters.addAll(deadLetters.list(run.building.name()));
        }
        return letters;
    }

    /** Retries the dead letters of the serving version (and of a running rebuild), oldest first. */
    public RetryOutcome retryDeadLetters(String name) {
        List<ProjectionProcessor> fed = new ArrayList<>();
        synchronized (this) {
            RunningProjection run = require(name);
            // a retry writes too: never into a version of another layout
            if (!run.frozen()) {
                fed.add(run.live);
            }
            if (run.building != null) {
                fed.add(run.building);
            }
        }
        int recovered = 0;
        int remaining = 0;
        for (ProjectionProcessor processor : fed) {
            ProjectionInvoker.RetryResult outcome = retrier.retry(processor.name(), processor.invoker(), deadLetters);
            recovered += outcome.recovered();
            remaining += outcome.remaining();
        }
        return new RetryOutcome(name, recovered, remaining);
    }

    private void watch() {
        try {
            synchronized (this) {
                for (RunningProjection run : running.values()) {
                    follower.follow(run);
                    rebuilds.switchWhenCaughtUp(run, watcher);
                }
                balancer.balance(running.values());
            }
        } catch (RuntimeException e) {
            log.warn("Projection watcher failed; trying again", e);
        }
    }

    private RunningProjection require(String name) {
        RunningProjection run = running.get(name);
        if (run == null) {
            throw RegistryProblem.notFound("Projection", name);
        }
        return run;
    }
}
