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
 */
@Component
@EnableConfigurationProperties(ProjectionSettings.class)
public class ProjectionManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionManager.class);
    private static final long PROGRESS_LOG_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Map<String, Projection> projections = new LinkedHashMap<>();
    private final Map<String, Running> running = new LinkedHashMap<>();
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
        for (Projection projection : projections.values()) {
            ActiveVersions.Pointer pointer = versions.pointer(projection.name());
            Running run = new Running(processor(projection, pointer.active()));
            running.put(projection.name(), run);
            run.live.start();
            if (pointer.building() != null) {
                run.building = processor(projection, pointer.building());
                run.building.start();
                run.rebuildStarted = System.nanoTime();
            }
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "projection-watcher");
            thread.setDaemon(true);
            return thread;
        });
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
        ActiveVersions.Pointer pointer = versions.pointer(name);
        if (run.building == null && pointer.building() == null) {
            int version = Math.max(run.live.store().version(), pointer.active()) + 1;
            ProjectionProcessor fresh = processor(projections.get(name), version);
            fresh.store().drop();
            forgetTokens(fresh.name());
            deadLetters.removeAll(fresh.name());
            versions.building(name, version);
            fresh.start();
            run.building = fresh;
            run.rebuildStarted = System.nanoTime();
            run.lastProgressLog = System.nanoTime();
            log.info("Rebuilding projection {} into version {} ({}_*) from position 0; head is {}", name, version,
                    fresh.name(), engine.headPosition());
        }
        return status(name, run);
    }

    public synchronized List<ProjectionStatus> statuses() {
        List<ProjectionStatus> result = new ArrayList<>();
        running.forEach((name, run) -> result.add(status(name, run)));
        return result;
    }

    public synchronized ProjectionStatus status(String name) {
        return status(name, require(name));
    }

    /**
     * Whether every serving projection has processed {@code position} (read-your-writes) in all its segments, also
     * those another instance claims: a reader may ask any instance.
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
    public Map<String, Object> retryDeadLetters(String name) {
        Running run;
        synchronized (this) {
            run = require(name);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        int recovered = 0;
        int remaining = 0;
        for (ProjectionProcessor processor : run.building == null ? List.of(run.live) : List.of(run.live, run.building)) {
            ProjectionInvoker.RetryResult outcome = retrier.retry(processor.name(), processor.invoker(), deadLetters);
            recovered += outcome.recovered();
            remaining += outcome.remaining();
        }
        result.put("name", name);
        result.put("recovered", recovered);
        result.put("remaining", remaining);
        return result;
    }

    private ProjectionStatus status(String name, Running run) {
        long head = engine.headPosition();
        OptionalLong position = run.live.position();
        Long pos = position.isPresent() ? position.getAsLong() : null;
        String state = run.live.hasError() || !run.live.isRunning() ? ProjectionStatus.ERROR
                : run.building != null ? ProjectionStatus.REBUILDING : ProjectionStatus.LIVE;
        return new ProjectionStatus(name, pos, head, pos == null ? null : Math.max(0, head - pos), state,
                progress(run, head), deadLetters.count(run.live.name()), run.live.store().version(),
                run.building == null ? null : run.building.store().version());
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
        // all segments of the rebuild, on every instance, have reached where the serving version is
        if (rebuilt.isEmpty() || serving.isEmpty() || rebuilt.getAsLong() < serving.getAsLong()) {
            return;
        }
        ProjectionProcessor old = run.live;
        boolean switchedHere = versions.activate(name, building.store().version());
        run.live = building;
        run.building = null;
        old.stop();
        if (!switchedHere) {
            log.info("Projection {} switched to version {} on another instance", name, building.store().version());
            return;
        }
        log.info("Projection {} switched to version {} at position {} after {} ms; version {} retires",
                name, building.store().version(), rebuilt.getAsLong(),
                TimeUnit.NANOSECONDS.toMillis(now - run.rebuildStarted), old.store().version());
        // readers and other instances may still use the old version for a moment: drop its collections after that
        watcher.schedule(() -> {
            old.store().drop();
            forgetTokens(old.name());
            deadLetters.removeAll(old.name());
            log.info("Dropped the collections of {}", old.name());
        }, settings.dropDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Follows the shared version pointer: another instance may have started a rebuild (this one then shares its
     * segments) or switched versions (this one serves and feeds the new version and stops the old one).
     */
    private void follow(String name, Running run) {
        long now = System.nanoTime();
        if (now - run.lastPointerRead < settings.pointerCacheTtl().toNanos()) {
            return;
        }
        run.lastPointerRead = now;
        ActiveVersions.Pointer pointer = versions.pointer(name);
        if (pointer.active() != run.live.store().version()) {
            ProjectionProcessor old = run.live;
            if (run.building != null && run.building.store().version() == pointer.active()) {
                run.live = run.building;
                run.building = null;
            } else {
                run.live = processor(projections.get(name), pointer.active());
                run.live.start();
            }
            old.stop();
            log.info("Projection {} follows the switch to version {} made elsewhere", name, pointer.active());
        }
        Integer wanted = pointer.building();
        if (run.building != null && (wanted == null || wanted != run.building.store().version())) {
            run.building.stop();
            run.building = null;
        }
        if (wanted != null && run.building == null) {
            run.building = processor(projections.get(name), wanted);
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
        private ProjectionProcessor live;
        private ProjectionProcessor building;
        private long rebuildStarted;
        private long lastProgressLog;
        private long lastPointerRead;

        private Running(ProjectionProcessor live) {
            this.live = live;
        }
    }
}
