package de.efa.registry.query.projection;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.platform.web.RegistryProblem;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs every projection's serving version, and a rebuild beside it when asked: the rebuild streams from position 0
 * into fresh collections under a processor of its own, and takes over once it has caught up with the serving one.
 * <p>
 * A version is only fed by code of the layout it was built in ({@link Projection#layout()}): documents of two shapes
 * in one version would mix and count twice. When the serving version's layout is not the code's, it keeps answering
 * readers but nothing here feeds it, and a rebuild in the code's layout starts on its own.
 */
@Component
@EnableConfigurationProperties(ProjectionSettings.class)
public class ProjectionManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionManager.class);
    private static final long PROGRESS_LOG_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Map<String, Projection> projections = new LinkedHashMap<>();
    private final Map<String, Running> running = new LinkedHashMap<>();
    /** The same, for readers that must not wait for the manager's lock (see {@link #claimOf}). */
    private final Map<String, Running> runningForReaders = new java.util.concurrent.ConcurrentHashMap<>();
    private final ActiveVersions versions;
    private final DeadLetterQueue deadLetters;
    private final TokenStore tokenStore;
    private final EventStore eventStore;
    private final PromptEventSource source;
    private final MongoEventStorageEngine engine;
    private final MongoDatabase database;
    private final ProjectionSettings settings;
    private final DeadLetterRetry retrier;
    private final StoredTokens storedTokens;
    private final SegmentShare share;
    private final Duration claimTimeout;
    private long lastBalance;
    private ScheduledExecutorService watcher;
    private volatile boolean started;

    public ProjectionManager(List<Projection> projections, ActiveVersions versions, DeadLetterQueue deadLetters,
                             TokenStore tokenStore, EventStore eventStore, MongoEventStorageEngine engine,
                             MongoDatabase registryDatabase, ProjectionSettings settings,
                             DeadLetterRetry retrier, StoredTokens storedTokens, SegmentShare share,
                             @Value("${registry.token-store.claim-timeout:10s}") Duration claimTimeout) {
        this.claimTimeout = claimTimeout;
        this.share = share;
        this.retrier = retrier;
        this.storedTokens = storedTokens;
        projections.forEach(p -> this.projections.put(p.name(), p));
        this.versions = versions;
        this.deadLetters = deadLetters;
        this.tokenStore = tokenStore;
        this.eventStore = eventStore;
        this.source = new PromptEventSource(eventStore);
        this.engine = engine;
        this.database = registryDatabase;
        this.settings = settings;
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
            Running run = new Running(processor(projection, pointer.active()), pointer.layout());
            running.put(projection.name(), run);
            runningForReaders.put(projection.name(), run);
            boolean frozen = frozen(projection.name(), run);
            if (frozen) {
                log.info("Projection {}: the serving version {} is in layout {}, this code writes layout {}; it answers "
                                + "readers, unfed, until a rebuild in layout {} takes over", projection.name(),
                        pointer.active(), pointer.layout(), projection.layout(), projection.layout());
            } else {
                run.live.start();
            }
            if (pointer.building() != null && pointer.buildingLayout() == projection.layout()) {
                run.building = processor(projection, pointer.building());
                run.building.start();
                run.rebuildStarted = System.nanoTime();
            } else if (frozen) {
                if (pointer.building() != null) {
                    // a rebuild in another layout: its instances see it replaced and stop feeding it
                    dropLater(new ProjectionStore(database, projection.name(), pointer.building()));
                }
                startRebuild(projection, run, pointer);
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
        share.leave();
        for (Running run : running.values()) {
            run.live.stop();
            if (run.building != null) {
                run.building.stop();
            }
        }
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
        Running run = require(name);
        ActiveVersions.Pointer pointer = versions.pointer(projections.get(name));
        if (run.building == null && pointer.building() == null) {
            startRebuild(projections.get(name), run, pointer);
        }
        return status(name, run, engine.lastStoredPosition());
    }

    /** A rebuild in the code's layout into a version no instance has used yet, from position 0. */
    private void startRebuild(Projection projection, Running run, ActiveVersions.Pointer pointer) {
        String name = projection.name();
        int version = Math.max(Math.max(run.live.store().version(), pointer.active()),
                pointer.building() == null ? 0 : pointer.building()) + 1;
        ProjectionProcessor fresh = processor(projection, version);
        fresh.store().drop();
        forgetTokens(fresh.name());
        deadLetters.removeAll(fresh.name());
        versions.building(name, version, projection.layout());
        fresh.start();
        run.building = fresh;
        run.rebuildStarted = System.nanoTime();
        run.lastProgressLog = System.nanoTime();
        log.info("Rebuilding projection {} into version {} ({}_*) in layout {} from position 0; head is {}", name,
                version, fresh.name(), projection.layout(), engine.headPosition());
    }

    public synchronized List<ProjectionStatus> statuses() {
        List<ProjectionStatus> result = new ArrayList<>();
        // stored events only: positions a crash left unwritten are never processed, and would show as lag for ever
        long head = engine.lastStoredPosition();
        running.forEach((name, run) -> result.add(status(name, run, head)));
        return result;
    }

    public synchronized ProjectionStatus status(String name) {
        return status(name, require(name), engine.lastStoredPosition());
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
    public java.util.Optional<SegmentClaim> claimOf(String projection, ProjectionStore store, String aggregateId) {
        Running run = runningForReaders.get(projection);
        ProjectionProcessor live = run == null ? null : run.live;
        if (live == null || !live.store().prefix().equals(store.prefix()) || !live.isRunning()) {
            return java.util.Optional.empty();
        }
        return live.claimOf(aggregateId);
    }

    public List<DeadLetter> deadLetters(String name) {
        Running run;
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
        Running run;
        synchronized (this) {
            run = require(name);
        }
        int recovered = 0;
        int remaining = 0;
        List<ProjectionProcessor> fed = new ArrayList<>();
        synchronized (this) {
            // a retry writes too: never into a version of another layout
            if (!frozen(name, run)) {
                fed.add(run.live);
            }
            if (run.building != null) {
                fed.add(run.building);
            }
        }
        for (ProjectionProcessor processor : fed) {
            ProjectionInvoker.RetryResult outcome = retrier.retry(processor.name(), processor.invoker(), deadLetters);
            recovered += outcome.recovered();
            remaining += outcome.remaining();
        }
        return new RetryOutcome(name, recovered, remaining);
    }

    /** @param head the last stored position, read once for all projections of one answer */
    private ProjectionStatus status(String name, Running run, long head) {
        OptionalLong position = run.live.position();
        Long pos = position.isPresent() ? position.getAsLong() : null;
        String state;
        if (frozen(name, run)) {
            // unfed while the rebuild in this code's layout catches up; with none here, this instance cannot serve
            state = run.building != null ? ProjectionStatus.REBUILDING : ProjectionStatus.ERROR;
        } else {
            state = run.live.hasError() || !run.live.isRunning() ? ProjectionStatus.ERROR
                    : run.building != null ? ProjectionStatus.REBUILDING : ProjectionStatus.LIVE;
        }
        return new ProjectionStatus(name, pos, head, pos == null ? null : Math.max(0, head - pos), state,
                progress(run, head), deadLetters.count(run.live.name()), run.live.store().version(),
                run.building == null ? null : run.building.store().version(), run.layout);
    }

    private static double progress(Running run, long head) {
        if (run.building == null) {
            return 1.0;
        }
        OptionalLong position = run.building.position();
        if (head <= 0) {
            return position.isPresent() ? 1.0 : 0.0;
        }
        double ratio = position.isPresent() ? (double) position.getAsLong() / head : 0.0;
        return Math.min(1.0, Math.round(ratio * 1000) / 1000.0);
    }

    private void watch() {
        try {
            synchronized (this) {
                running.forEach(this::watch);
                balance();
            }
        } catch (RuntimeException e) {
            log.warn("Projection watcher failed; trying again", e);
        }
    }

    private void watch(String name, Running run) {
        follow(name, run);
        if (run.building == null) {
            return;
        }
        ProjectionProcessor building = run.building;
        OptionalLong rebuilt = building.position();
        OptionalLong serving = run.live.position();
        long now = System.nanoTime();
        if (now - run.lastProgressLog > PROGRESS_LOG_NANOS) {
            run.lastProgressLog = now;
            log.info("Rebuild of {} (version {}): at position {} of head {} ({}%)", name, building.store().version(),
                    rebuilt.isPresent() ? rebuilt.getAsLong() : 0, engine.headPosition(),
                    Math.round(progress(run, engine.headPosition()) * 100));
        }
        // all segments of the rebuild, on every instance, have reached where the serving version is (an unfed serving
        // version stays where it was last fed; one without tokens was never fed at all)
        boolean frozen = frozen(name, run);
        if (rebuilt.isEmpty() || (serving.isEmpty() && !frozen) || rebuilt.getAsLong() < serving.orElse(0)) {
            return;
        }
        ProjectionProcessor old = run.live;
        int layout = projections.get(name).layout();
        boolean switchedHere = versions.activate(name, building.store().version(), layout);
        run.live = building;
        run.layout = layout;
        run.building = null;
        old.stop();
        if (!switchedHere) {
            log.info("Projection {} switched to version {} on another instance", name, building.store().version());
            return;
        }
        log.info("Projection {} switched to version {} at position {} after {} ms; version {} retires",
                name, building.store().version(), rebuilt.getAsLong(),
                TimeUnit.NANOSECONDS.toMillis(now - run.rebuildStarted), old.store().version());
        dropLater(old.store());
    }

    /** Readers and other instances may still use a retired version for a moment: its collections go after that. */
    private void dropLater(ProjectionStore store) {
        watcher.schedule(() -> {
            store.drop();
            forgetTokens(store.prefix());
            deadLetters.removeAll(store.prefix());
            log.info("Dropped the collections of {}", store.prefix());
        }, settings.dropDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Follows the shared version pointer: another instance may have started a rebuild (this one then shares its
     * segments) or switched versions (this one serves and feeds the new version and stops the old one). Only versions
     * in this code's layout are fed or joined: an instance running other code may have made the change.
     */
    private void follow(String name, Running run) {
        long now = System.nanoTime();
        if (now - run.lastPointerRead < settings.pointerCacheTtl().toNanos()) {
            return;
        }
        run.lastPointerRead = now;
        Projection projection = projections.get(name);
        ActiveVersions.Pointer pointer = versions.pointer(projection);
        if (pointer.active() != run.live.store().version()) {
            ProjectionProcessor old = run.live;
            boolean feeds = pointer.layout() == projection.layout();
            if (feeds && run.building != null && run.building.store().version() == pointer.active()) {
                run.live = run.building;
                run.building = null;
            } else {
                run.live = processor(projection, pointer.active());
                if (feeds) {
                    run.live.start();
                }
            }
            run.layout = pointer.layout();
            old.stop();
            if (frozen(name, run)) {
                // no rebuild of its own either: instances of two layouts would take turns replacing each other's
                // versions. The version answers readers; code of its layout has to feed it.
                log.warn("Projection {}: version {}, switched to elsewhere, is in layout {} and this code writes layout "
                        + "{}: this instance does not feed it", name, pointer.active(), pointer.layout(), projection.layout());
            } else {
                log.info("Projection {} follows the switch to version {} made elsewhere", name, pointer.active());
            }
        }
        // a rebuild in another layout is, for this code, no rebuild at all
        Integer wanted = pointer.buildingLayout() == projection.layout() ? pointer.building() : null;
        if (run.building != null && (wanted == null || wanted != run.building.store().version())) {
            run.building.stop();
            run.building = null;
        }
        if (wanted != null && run.building == null) {
            run.building = processor(projection, wanted);
            run.building.start();
            run.rebuildStarted = now;
            run.lastProgressLog = now;
            log.info("Projection {}: joining the rebuild of version {} started elsewhere", name, wanted);
        }
    }

    /** Once per claim interval: give up the segments held here above this instance's fair share. */
    private void balance() {
        long now = System.nanoTime();
        if (now - lastBalance < settings.tokenClaimInterval().toNanos()) {
            return;
        }
        lastBalance = now;
        int live = share.liveInstances();
        for (Running run : running.values()) {
            share.balance(run.live, settings.segments(), live, settings.tokenClaimInterval());
            if (run.building != null) {
                share.balance(run.building, settings.segments(), live, settings.tokenClaimInterval());
            }
        }
    }

    private void forgetTokens(String processorName) {
        database.getCollection(EventStoreCollections.TOKENS).deleteMany(new Document("processorName", processorName));
    }

    /** Whether the serving version is in another layout than this code's: it answers readers, nothing here feeds it. */
    private boolean frozen(String name, Running run) {
        return run.layout != projections.get(name).layout();
    }

    private ProjectionProcessor processor(Projection projection, int version) {
        return new ProjectionProcessor(projection, new ProjectionStore(database, projection.name(), version), deadLetters,
                tokenStore, storedTokens, source, settings, claimTimeout);
    }

    private Running require(String name) {
        Running run = running.get(name);
        if (run == null) {
            throw RegistryProblem.notFound("Projection", name);
        }
        return run;
    }

    static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return lower != null && lower.position().orElse(-1) >= position;
    }

    private static final class Running {
        /** Volatile: readers ask for claims without the manager's lock. */
        private volatile ProjectionProcessor live;
        /** The layout the serving version was built in. */
        private int layout;
        private ProjectionProcessor building;
        private long rebuildStarted;
        private long lastProgressLog;
        private long lastPointerRead;

        private Running(ProjectionProcessor live, int layout) {
            this.live = live;
            this.layout = layout;
        }
    }
}
