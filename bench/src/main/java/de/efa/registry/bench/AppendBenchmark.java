package de.efa.registry.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.eventstore.PositionAllocator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 16 writers append one aggregate's event per call, through our engine, through the peer, and as raw inserts of the
 * same documents (the physical limit). Each contender gets a fresh database per round; the contenders take turns in a
 * rotating order so that none always runs first or last.
 */
final class AppendBenchmark {

    /** Documents per raw {@code insertMany} call (each writer batches its own documents). */
    private static final int RAW_BATCH = 100;

    private final MongoClient client;
    private final BenchSettings settings;
    private final AtomicInteger runs = new AtomicInteger();
    /** Appends per group commit of our engine, per round (warm-up included). */
    private final List<Double> appendsPerGroup = new ArrayList<>();
    /** The embedded server's worker threads during each measured round, per contender (empty with an external server). */
    private final Map<Contender, List<ServerThreads.Reading>> serverThreads = new LinkedHashMap<>();

    AppendBenchmark(MongoClient client, BenchSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * The floors are references, not the limit: {@code GROUPS_k} are k threads inserting the same documents with
     * {@code insertMany} of writers/k documents each, concurrently — the best a <em>zero-cost</em> engine could do when
     * 16 writers each have one event outstanding (at most 16 documents can ever be waiting, however they are split into
     * concurrent groups). {@code COUNTED_GROUPS_k} add what DESIGN.md requires of every append: positions from the
     * counter document ({@code $inc} per group, as our engine does), still without serializing, hashing or head marks.
     * RAW_GROUPS (one committer) keeps its name from earlier results.
     */
    private enum Contender {
        RAW_INSERT_ONE, RAW_INSERT_MANY,
        RAW_GROUPS(1, false), GROUPS_2(2, false), GROUPS_4(4, false),
        COUNTED_GROUPS_1(1, true), COUNTED_GROUPS_2(2, true), COUNTED_GROUPS_4(4, true),
        ENGINE, PEER;

        private final int committers;
        private final boolean counted;

        Contender() {
            this(0, false);
        }

        Contender(int committers, boolean counted) {
            this.committers = committers;
            this.counted = counted;
        }

        boolean isFloor() {
            return committers > 0;
        }
    }

    Map<String, Object> run() throws Exception {
        Map<Contender, List<Double>> rates = new LinkedHashMap<>();
        Map<Contender, List<Double>> cpu = new LinkedHashMap<>();
        for (Contender c : Contender.values()) {
            rates.put(c, new ArrayList<>());
            cpu.put(c, new ArrayList<>());
        }
        Map<String, Object> sizes = new LinkedHashMap<>();
        // for profiling some contenders only: BENCH_APPEND_CONTENDERS=ENGINE,PEER (the result then has rounds only)
        String only = System.getenv("BENCH_APPEND_CONTENDERS");
        Contender[] all = only == null ? Contender.values()
                : java.util.Arrays.stream(only.split(",")).map(String::trim).map(Contender::valueOf).toArray(Contender[]::new);
        for (Contender c : all) {
            round(c, settings.appendWarmup(), false, null, new ArrayList<>());
        }
        for (int r = 0; r < settings.appendRounds(); r++) {
            for (int i = 0; i < all.length; i++) {
                Contender c = all[(i + r) % all.length];
                double rate = round(c, settings.appendEvents(), true, r == 0 ? sizes : null, cpu.get(c));
                rates.get(c).add(rate);
                List<ServerThreads.Reading> server = serverThreads.get(c);
                ServerThreads.Reading reading = server.get(server.size() - 1);
                Bench.log("append round %d %-16s %,10.0f events/s %8.1f us CPU/event%s%s", r + 1, c, rate,
                        cpu.get(c).get(r), reading.present()
                                ? String.format(", server %.1f us CPU/event, busiest server thread %.2f",
                                        Stats.cpuMicros(reading.cpuNanos(), settings.appendEvents()), reading.busiestShare())
                                : "",
                        c == Contender.ENGINE
                                ? String.format(", %.1f appends per group", appendsPerGroup.get(appendsPerGroup.size() - 1)) : "");
            }
        }
        if (only != null) {
            return Map.of("partial_rounds_per_s", rates, "partial_cpu_us_per_event", cpu,
                    "engine_appends_per_group", appendsPerGroup);
        }
        double one = Stats.median(rates.get(Contender.RAW_INSERT_ONE));
        double many = Stats.median(rates.get(Contender.RAW_INSERT_MANY));
        double raw = Math.max(one, many);
        double engine = Stats.median(rates.get(Contender.ENGINE));
        double peer = Stats.median(rates.get(Contender.PEER));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("raw_per_s", Stats.rate(raw));
        result.put("engine_per_s", Stats.rate(engine));
        result.put("ratio", Stats.ratio(engine, raw));
        result.put("peer_per_s", Stats.rate(peer));
        result.put("vs_peer", Stats.ratio(engine, peer));
        result.put("raw_insert_one_per_s", Stats.rate(one));
        result.put("raw_insert_many_per_s", Stats.rate(many));
        result.put("raw_groups_per_s", Stats.rate(Stats.median(rates.get(Contender.RAW_GROUPS))));
        result.put("engine_vs_raw_groups", Stats.ratio(engine, Stats.median(rates.get(Contender.RAW_GROUPS))));
        Map<String, Object> floors = new LinkedHashMap<>();
        double bestZeroCost = 0;
        double bestCounted = 0;
        for (Contender c : Contender.values()) {
            if (c.isFloor()) {
                double rate = Stats.median(rates.get(c));
                floors.put(c.name().toLowerCase(), Stats.rate(rate));
                if (c.counted) {
                    bestCounted = Math.max(bestCounted, rate);
                } else {
                    bestZeroCost = Math.max(bestZeroCost, rate);
                }
            }
        }
        result.put("floors_per_s", floors);
        result.put("best_zero_cost_ratio", Stats.ratio(bestZeroCost, raw));
        result.put("best_counted_per_s", Stats.rate(bestCounted));
        result.put("best_counted_vs_peer", Stats.ratio(bestCounted, peer));
        result.put("engine_vs_best_counted", Stats.ratio(engine, bestCounted));
        result.put("writers", settings.writers());
        result.put("events_per_round", settings.appendEvents());
        result.put("rounds", settings.appendRounds());
        result.put("events_per_aggregate", settings.eventsPerStream());
        result.put("engine_appends_per_group", Stats.median(appendsPerGroup));
        result.putAll(sizes);
        Map<String, Object> cpuPerEvent = new LinkedHashMap<>();
        cpu.forEach((c, list) -> cpuPerEvent.put(c.name().toLowerCase(), Stats.median(list)));
        result.put("cpu_us_per_event", cpuPerEvent);
        Map<String, Object> busiest = new LinkedHashMap<>();
        Map<String, Object> serverCpu = new LinkedHashMap<>();
        serverThreads.forEach((c, readings) -> {
            if (readings.stream().allMatch(ServerThreads.Reading::present)) {
                busiest.put(c.name().toLowerCase(),
                        Stats.median(readings.stream().map(ServerThreads.Reading::busiestShare).toList()));
                serverCpu.put(c.name().toLowerCase(), Stats.median(readings.stream()
                        .map(reading -> Stats.cpuMicros(reading.cpuNanos(), settings.appendEvents())).toList()));
            }
        });
        if (!busiest.isEmpty()) {
            // the embedded server's workers (in this JVM): share of one core used by the busiest, CPU per event of all
            result.put("busiest_server_thread_share", busiest);
            result.put("server_cpu_us_per_event", serverCpu);
        }
        Map<String, Object> perRound = new LinkedHashMap<>();
        rates.forEach((c, list) -> perRound.put(c.name().toLowerCase(), list.stream().map(Stats::rate).toList()));
        result.put("rounds_per_s", perRound);
        return result;
    }

    /** One timed round of one contender on a fresh database; the database is dropped afterwards. */
    private double round(Contender contender, int events, boolean measured, Map<String, Object> sizes, List<Double> cpu)
            throws Exception {
        String databaseName = "bench_append_" + runs.incrementAndGet();
        MongoDatabase database = client.getDatabase(databaseName);
        int writers = settings.writers();
        List<List<DomainEventMessage<?>>> perWriter = messages(events, writers);
        List<Runnable> work = new ArrayList<>();
        java.util.function.DoubleSupplier groupSize = null;
        switch (contender) {
            case RAW_GROUPS, GROUPS_2, GROUPS_4, COUNTED_GROUPS_1, COUNTED_GROUPS_2, COUNTED_GROUPS_4 ->
                    work.addAll(floor(contender, database, perWriter));
            case RAW_INSERT_ONE, RAW_INSERT_MANY -> {
                MongoCollection<Document> collection = rawCollection(database);
                long position = 1;
                for (List<DomainEventMessage<?>> list : perWriter) {
                    List<Document> docs = new ArrayList<>(list.size());
                    for (DomainEventMessage<?> m : list) {
                        docs.add(RegistryEvents.rawDocument(m, position++));
                    }
                    work.add(contender == Contender.RAW_INSERT_ONE
                            ? () -> docs.forEach(collection::insertOne)
                            : () -> {
                                for (int i = 0; i < docs.size(); i += RAW_BATCH) {
                                    collection.insertMany(docs.subList(i, Math.min(docs.size(), i + RAW_BATCH)),
                                            new InsertManyOptions().ordered(true));
                                }
                            });
                }
            }
            case ENGINE -> {
                de.efa.registry.eventstore.MongoEventStorageEngine engine = Engines.ours(database, settings.batchSize());
                groupSize = engine::appendsPerGroup;
                perWriter.forEach(list -> work.add(() -> list.forEach(m -> engine.appendEvents(List.of(m)))));
            }
            case PEER -> {
                EventStorageEngine engine = Engines.peer(client, databaseName, settings.batchSize());
                perWriter.forEach(list -> work.add(() -> list.forEach(m -> engine.appendEvents(List.of(m)))));
            }
        }
        long cpuBefore = Stats.processCpuNanos();
        ServerThreads server = ServerThreads.start();
        long nanos = timed(work);
        ServerThreads.Reading serverReading = server.stop();
        cpu.add(Stats.cpuMicros(Stats.processCpuNanos() - cpuBefore, events));
        if (measured) {
            serverThreads.computeIfAbsent(contender, c -> new ArrayList<>()).add(serverReading);
        }
        if (groupSize != null) {
            appendsPerGroup.add(groupSize.getAsDouble());
        }
        String collectionName = contender == Contender.PEER ? Engines.PEER_EVENTS : EventStoreCollections.EVENTS;
        long stored = database.getCollection(collectionName).countDocuments();
        if (stored != events) {
            throw new IllegalStateException(contender + " stored " + stored + " of " + events + " events");
        }
        if (sizes != null && (contender == Contender.ENGINE || contender == Contender.PEER)) {
            Document one = database.getCollection(collectionName).find().first();
            sizes.put(contender == Contender.ENGINE ? "engine_document_bytes" : "peer_document_bytes",
                    new RawBsonDocument(one, new DocumentCodec()).getByteBuffer().remaining());
        }
        database.drop();
        return Stats.perSecond(events, nanos);
    }

    /**
     * The documents in the order the writers would offer them (each writer's first event, then each writer's second
     * ...), cut into groups of writers/k; committer j inserts groups j, j+k, j+2k, ... A counted floor takes each
     * group's positions from the counter document first.
     */
    private List<Runnable> floor(Contender contender, MongoDatabase database, List<List<DomainEventMessage<?>>> perWriter) {
        MongoCollection<Document> collection = rawCollection(database);
        PositionAllocator positions = new PositionAllocator(database.getCollection(EventStoreCollections.COUNTERS));
        positions.ensureCounter();
        List<Document> docs = new ArrayList<>();
        long position = 1;
        for (int i = 0; i < perWriter.get(0).size(); i++) {
            for (List<DomainEventMessage<?>> list : perWriter) {
                if (i < list.size()) {
                    docs.add(RegistryEvents.rawDocument(list.get(i), position++));
                }
            }
        }
        int k = contender.committers;
        int groupSize = Math.max(1, settings.writers() / k);
        List<List<Document>> groups = new ArrayList<>();
        for (int i = 0; i < docs.size(); i += groupSize) {
            groups.add(docs.subList(i, Math.min(docs.size(), i + groupSize)));
        }
        List<Runnable> committers = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            int first = j;
            committers.add(() -> {
                for (int g = first; g < groups.size(); g += k) {
                    List<Document> group = groups.get(g);
                    if (contender.counted) {
                        long next = positions.allocate(group.size());
                        for (Document d : group) {
                            d.put(EventDocument.POSITION, next++);
                        }
                    }
                    collection.insertMany(group, new InsertManyOptions().ordered(true));
                }
            });
        }
        return committers;
    }

    /** The same unique indexes as our engine's events collection, so the limit pays for the same index upkeep. */
    private static MongoCollection<Document> rawCollection(MongoDatabase database) {
        MongoCollection<Document> collection = database.getCollection(EventStoreCollections.EVENTS);
        collection.createIndex(Indexes.ascending(EventDocument.STREAM_KEY), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending(EventDocument.EVENT_ID), new IndexOptions().unique(true));
        return collection;
    }

    /**
     * Each writer owns its aggregates and appends their events in turns (sequence 0 of each, then 1, ...), so most
     * appends continue an existing stream, as commands on existing municipalities do.
     */
    private List<List<DomainEventMessage<?>>> messages(int events, int writers) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int perWriter = events / writers;
        int perStream = settings.eventsPerStream();
        List<List<DomainEventMessage<?>>> result = new ArrayList<>();
        long ordinal = 0;
        for (int w = 0; w < writers; w++) {
            int aggregates = (perWriter + perStream - 1) / perStream;
            List<DomainEventMessage<?>> list = new ArrayList<>(perWriter);
            for (int seq = 0; seq < perStream && list.size() < perWriter; seq++) {
                for (int a = 0; a < aggregates && list.size() < perWriter; a++) {
                    String aggregateId = run + "-" + w + "-" + RegistryEvents.ags(run, w * aggregates + a);
                    list.add(RegistryEvents.event(aggregateId, seq, ordinal++));
                }
            }
            result.add(list);
        }
        return result;
    }

    private static long timed(List<Runnable> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        CyclicBarrier start = new CyclicBarrier(work.size() + 1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable w : work) {
                futures.add(pool.submit(() -> {
                    start.await();
                    w.run();
                    return null;
                }));
            }
            start.await();
            long begin = System.nanoTime();
            for (Future<?> f : futures) {
                f.get();
            }
            return System.nanoTime() - begin;
        } finally {
            pool.shutdownNow();
        }
    }
}
