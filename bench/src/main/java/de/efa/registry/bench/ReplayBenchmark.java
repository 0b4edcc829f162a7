package de.efa.registry.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.service.VersionPublished;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Rebuilding a projection from the whole event log: our engine's event stream (what a tracking or pooled processor
 * reads) folded into an in-memory model, against a raw cursor scan of the very same collection, and against the peer's
 * event stream over an equal log in its own format. Run at several store sizes to show how cost grows.
 */
final class ReplayBenchmark {

    /** Events per bulk append while loading the store (loading is not what is measured). */
    private static final int LOAD_BATCH = 1_000;
    private static final int CURSOR_BATCH = 1_000;

    private final MongoClient client;
    private final BenchSettings settings;

    ReplayBenchmark(MongoClient client, BenchSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    Map<String, Object> run() throws Exception {
        Map<String, Object> bySize = new LinkedHashMap<>();
        Map<String, Object> headline = null;
        for (int size : settings.replaySizes()) {
            headline = atSize(size);
            bySize.put(String.valueOf(size), headline);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        // the headline figures are those at the largest store size
        for (String key : List.of("raw_per_s", "engine_per_s", "ratio", "peer_per_s", "vs_peer", "events")) {
            result.put(key, headline.get(key));
        }
        result.put("by_store_size", bySize);
        return result;
    }

    private Map<String, Object> atSize(int size) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", size);

        MongoDatabase ours = client.getDatabase("bench_replay_ours_" + size);
        EventStorageEngine engine = Engines.ours(ours, settings.batchSize());
        double loadRate = load(engine, size);
        result.put("engine_load_per_s", Stats.rate(loadRate));
        Bench.log("replay %,d: loaded our store at %,.0f events/s", size, loadRate);
        MongoCollection<Document> events = ours.getCollection(EventStoreCollections.EVENTS);
        List<Double> raw = new ArrayList<>();
        List<Double> projected = new ArrayList<>();
        List<Double> rawCpu = new ArrayList<>();
        List<Double> projectedCpu = new ArrayList<>();
        // one unmeasured pass each to warm up
        rawScan(events, size);
        project(engine.readEvents(null, false), size, null);
        for (int r = 0; r < settings.replayRounds(); r++) {
            for (int turn = 0; turn < 2; turn++) {
                long cpuBefore = Stats.processCpuNanos();
                if ((turn + r) % 2 == 0) {
                    raw.add(rawScan(events, size));
                    rawCpu.add(Stats.cpuMicros(Stats.processCpuNanos() - cpuBefore, size));
                } else {
                    projected.add(project(engine.readEvents(null, false), size, null).perSecond);
                    projectedCpu.add(Stats.cpuMicros(Stats.processCpuNanos() - cpuBefore, size));
                }
            }
            Bench.log("replay %,d round %d: raw scan %,.0f/s (%.1f us CPU/event), engine projection %,.0f/s (%.1f us)",
                    size, r + 1, raw.get(r), rawCpu.get(r), projected.get(r), projectedCpu.get(r));
        }
        ours.drop();

        MongoDatabase peerDatabase = client.getDatabase("bench_replay_peer_" + size);
        EventStorageEngine peer = Engines.peer(client, peerDatabase.getName(), settings.batchSize());
        double peerLoad = load(peer, size);
        result.put("peer_load_per_s", Stats.rate(peerLoad));
        Bench.log("replay %,d: loaded the peer's store at %,.0f events/s", size, peerLoad);
        List<Double> peerRates = new ArrayList<>();
        List<Double> peerCpu = new ArrayList<>();
        long peerEvents = 0;
        boolean peerCut = false;
        for (int r = 0; r < settings.replayRounds(); r++) {
            long cpuBefore = Stats.processCpuNanos();
            Projection p = project(peer.readEvents(null, false), size, settings.peerReplayCap());
            peerCpu.add(Stats.cpuMicros(Stats.processCpuNanos() - cpuBefore, p.events));
            peerRates.add(p.perSecond);
            peerEvents = p.events;
            peerCut |= p.cutOff;
            Bench.log("replay %,d round %d: peer projection %,.0f/s (%,d events%s)", size, r + 1, p.perSecond,
                    p.events, p.cutOff ? ", cut off" : "");
            if (p.cutOff) {
                // a cut-off round already shows the rate; more of them only cost time
                break;
            }
        }
        peerDatabase.drop();

        double rawRate = Stats.median(raw);
        double engineRate = Stats.median(projected);
        double peerRate = Stats.median(peerRates);
        result.put("raw_per_s", Stats.rate(rawRate));
        result.put("engine_per_s", Stats.rate(engineRate));
        result.put("ratio", Stats.ratio(engineRate, rawRate));
        result.put("peer_per_s", Stats.rate(peerRate));
        result.put("vs_peer", Stats.ratio(engineRate, peerRate));
        result.put("peer_events_read", peerEvents);
        result.put("peer_cut_off_after_s", peerCut ? settings.peerReplayCap().toSeconds() : null);
        result.put("rounds", raw.size());
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("raw", Stats.median(rawCpu));
        cpu.put("engine", Stats.median(projectedCpu));
        cpu.put("peer", Stats.median(peerCpu));
        result.put("cpu_us_per_event", cpu);
        return result;
    }

    /** Fills a store with {@code size} events from two loader threads, in bulk appends. */
    private static double load(EventStorageEngine engine, int size) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int loaders = 2;
        ExecutorService pool = Executors.newFixedThreadPool(loaders);
        AtomicLong ordinal = new AtomicLong();
        long begin = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int l = 0; l < loaders; l++) {
                int loader = l;
                int share = size / loaders + (loader < size % loaders ? 1 : 0);
                futures.add(pool.submit(() -> {
                    int perStream = 4;
                    int written = 0;
                    int block = 0;
                    while (written < share) {
                        // a block of LOAD_BATCH events: LOAD_BATCH / perStream aggregates, each with perStream events
                        int n = Math.min(LOAD_BATCH, share - written);
                        List<DomainEventMessage<?>> batch = new ArrayList<>(n);
                        for (int i = 0; i < n; i++) {
                            int aggregate = i / perStream;
                            String id = run + "-" + loader + "-" + block + "-"
                                    + RegistryEvents.ags(run, loader * 1_000_000 + block * LOAD_BATCH + aggregate);
                            batch.add(RegistryEvents.event(id, i % perStream, ordinal.getAndIncrement()));
                        }
                        engine.appendEvents(batch);
                        written += n;
                        block++;
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return Stats.perSecond(size, System.nanoTime() - begin);
    }

    private static double rawScan(MongoCollection<Document> events, int expected) {
        long begin = System.nanoTime();
        long count = 0;
        long checksum = 0;
        try (MongoCursor<Document> cursor = events.find().batchSize(CURSOR_BATCH).iterator()) {
            while (cursor.hasNext()) {
                Document doc = cursor.next();
                checksum += doc.getString("eventId").length();
                count++;
            }
        }
        long nanos = System.nanoTime() - begin;
        if (count != expected || checksum == 0) {
            throw new IllegalStateException("raw scan saw " + count + " of " + expected + " events");
        }
        return Stats.perSecond(count, nanos);
    }

    private record Projection(double perSecond, long events, boolean cutOff) {
    }

    /**
     * The projection: every event's payload deserialized and folded into a lookup-like model (per municipality the
     * services it adopted, with version) and a count of published versions per service.
     */
    private static Projection project(Stream<? extends TrackedEventMessage<?>> stream, int expected, Duration cap) {
        Map<String, Map<String, String>> adoptions = new HashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        long deadline = cap == null ? Long.MAX_VALUE : System.nanoTime() + cap.toNanos();
        long begin = System.nanoTime();
        long count = 0;
        boolean cutOff = false;
        try (stream) {
            Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
            while (it.hasNext()) {
                Object payload = it.next().getPayload();
                if (payload instanceof AdoptionStarted a) {
                    adoptions.computeIfAbsent(a.ags().value(), k -> new HashMap<>()).put(a.serviceId().value(),
                            a.version().toString());
                } else if (payload instanceof VersionPublished v) {
                    versions.merge(v.serviceId().value(), 1, Integer::sum);
                }
                count++;
                if ((count & 255) == 0 && System.nanoTime() > deadline) {
                    cutOff = true;
                    break;
                }
            }
        }
        long nanos = System.nanoTime() - begin;
        if (!cutOff && count != expected) {
            throw new IllegalStateException("the projection saw " + count + " of " + expected + " events");
        }
        return new Projection(Stats.perSecond(count, nanos), count, cutOff);
    }
}
