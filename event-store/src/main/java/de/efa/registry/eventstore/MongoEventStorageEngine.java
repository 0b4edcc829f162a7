package de.efa.registry.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * Axon's event storage on the plain MongoDB driver, without multi-document transactions.
 * <p>
 * Appends reserve a block of global positions from a counter and insert the block with one ordered
 * {@code insertMany}; concurrent appends share both in a {@link GroupCommit}. The unique stream key ({@code aggregateId/sequence}) turns a concurrent append into Axon's
 * concurrency exception. Readers stream by position with {@link GapAwareTrackingToken}s, asking for exact positions
 * ({@code _id $in}) so that every read is an index lookup and an event that arrives late is still delivered.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);
    /** How far a token may run ahead of its oldest gap (Axon's default for gap-aware tokens). */
    private static final int MAX_GAP_OFFSET = 10_000;
    /** Aggregates whose last hash is kept for the next append (about 200 bytes each). */
    private static final int RECENT_HASHES = 50_000;
    /** Largest {@code $in} list sent at once (see {@link #findByPositions}). */
    private static final int IN_CHUNK = 128;
    /** Windows read ahead at once (one per stream catching up), and threads reading them. */
    private static final int MAX_PREFETCHES = 8;
    private static final int MAX_PREFETCH_THREADS = 2;
    /** Sequence numbers asked for in the first read of an aggregate's stream. */
    private static final int FIRST_LOAD_CHUNK = 16;
    /** The longest reserved positions wait for use (see {@link PositionBlocks}). */
    private static final Duration MAX_BLOCK_LIFETIME = Duration.ofSeconds(1);
    /** Groups stored within this time share one head mark (see {@link HeadMarker}). */
    private static final Duration HEAD_MARK_INTERVAL = Duration.ofMillis(20);

    private final EventStoreCollections collections;
    private final PositionAllocator positions;
    private final PositionBlocks blocks;
    private final GapWatch gapWatch;
    private final Duration gapTimeout;
    private final AggregateHeads heads;
    private final HeadMarker headMarker;
    private final GroupCommit groupCommit;
    private final boolean jsonTrees;
    private final Map<Long, Prefetch> prefetches = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService prefetcher = new java.util.concurrent.ThreadPoolExecutor(0,
            MAX_PREFETCH_THREADS, 30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(),
            runnable -> {
                Thread thread = new Thread(runnable, "event-prefetch");
                thread.setDaemon(true);
                return thread;
            });
    private final RecentHashes recentHashes = new RecentHashes(RECENT_HASHES);

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.collections = builder.collections;
        this.positions = new PositionAllocator(collections.counters());
        // reserved positions must be used long before readers give up waiting for them as gaps
        Duration lifetime = builder.gapTimeout.dividedBy(4);
        this.blocks = new PositionBlocks(positions, builder.positionBlock,
                lifetime.compareTo(MAX_BLOCK_LIFETIME) < 0 ? lifetime : MAX_BLOCK_LIFETIME);
        this.gapWatch = new GapWatch(builder.gapTimeout, builder.clock);
        this.gapTimeout = builder.gapTimeout;
        this.heads = new AggregateHeads(collections.aggregateHeads());
        this.jsonTrees = getEventSerializer() instanceof org.axonframework.serialization.json.JacksonSerializer;
        this.headMarker = new HeadMarker(heads, HEAD_MARK_INTERVAL);
        this.groupCommit = new GroupCommit(collections.events(), this::allocatePositions, builder.appendWriters,
                headMarker::stored, blocks::release);
        collections.ensureIndexes();
        positions.ensureCounter();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The highest position handed out for an event (stored or in flight; positions this engine reserved ahead and has
     * not used yet do not count): what processors compare themselves with to report lag.
     */
    public long headPosition() {
        return blocks.head();
    }

    /**
     * The highest position that holds a stored event (0 for an empty store). Unlike {@link #headPosition()} it leaves
     * out positions handed out and not written: appends in flight, and those a crash left behind for good (a whole
     * reserved block after a {@code kill -9}). What a command that stored nothing answers as its position, and what
     * a projection's lag is measured against: nothing will ever be processed at a position no event is stored at.
     */
    public long lastStoredPosition() {
        long head = headPosition();
        int window = 512;
        for (long end = head; end > 0; end -= window) {
            List<Long> positions = new ArrayList<>(window);
            for (long p = end; p > Math.max(0, end - window); p--) {
                positions.add(p);
            }
            long highest = 0;
            Document atPositions = new Document(EventDocument.POSITION, new Document("$in", positions));
            for (Document stored : collections.events().find(atPositions)
                    .projection(Projections.include(EventDocument.POSITION))) {
                highest = Math.max(highest, EventDocument.position(stored));
            }
            if (highest > 0) {
                return highest;
            }
        }
        return 0;
    }

    /**
     * How long a position that was handed out but not written may still be filled by a slow append; readers that
     * wait for positions in order (the projections here, the audit's reads of the log) give up on it after that.
     */
    public Duration gapTimeout() {
        return gapTimeout;
    }

    /**
     * How many positions this process's readers are waiting for now (handed out, not yet written, within the gap
     * timeout): a metric, since a gap that lasts holds every reader behind it until the timeout.
     */
    public int gapsWaitedFor() {
        return gapWatch.waitingFor();
    }

    /** How many appends shared a group commit on average so far (for benchmarks and diagnostics). */
    public double appendsPerGroup() {
        return groupCommit.appendsPerGroup();
    }

    public EventStoreCollections collections() {
        return collections;
    }

    /** Records the heads still pending (Spring calls this when the application stops). */
    public void shutdown() {
        headMarker.close();
    }

    // ---------------------------------------------------------------- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // serialization and hashing on the caller's thread; positions and the insert are shared with concurrent appends
        List<Document> documents = new ArrayList<>(events.size());
        Map<String, String> lastHashes = new HashMap<>();
        GroupCommit.PendingAppend append;
        groupCommit.preparing();
        try {
            for (EventMessage<?> event : events) {
                documents.add(toDocument(event, serializer, lastHashes));
            }
            append = groupCommit.submit(documents);
        } finally {
            groupCommit.prepared();
        }
        long lastPosition;
        try {
            lastPosition = append.done.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MongoException mongo) {
                handlePersistenceException(mongo, events.get(Math.max(0, Math.min(append.failedIndex, events.size() - 1))));
                return;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
        for (Document document : documents) {
            recentHashes.stored(document.getString(EventDocument.AGGREGATE_ID),
                    ((Number) document.get(EventDocument.SEQUENCE)).longValue(), document.getString(EventDocument.HASH));
        }
        AppendReceipt.noteInCurrentUnitOfWork(lastPosition);
    }

    /** A stored event as the event serializer reads it best: a JSON tree for Jackson, JSON text otherwise. */
    private DomainEventData<?> eventData(Document doc) {
        return jsonTrees ? JsonNodeEventData.of(doc) : EventDocument.toEventData(doc);
    }

    /** Reserves positions for one group of appends, then calls the test seam. */
    private long allocatePositions(int count) {
        long first = blocks.take(count);
        positionsAllocated(first, count);
        return first;
    }

    /**
     * Called between reserving positions and inserting the events: the window in which a slow or dying writer
     * leaves a gap that readers must wait for. A seam for tests that stretch or break that window. With group
     * commit, the positions are those of every append in the group.
     */
    protected void positionsAllocated(long firstPosition, int count) {
    }

    private Document toDocument(EventMessage<?> event, Serializer serializer, Map<String, String> lastHashes) {
        String aggregateType;
        String aggregateId;
        long sequence;
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
            aggregateType = domainEvent.getType();
            aggregateId = domainEvent.getAggregateIdentifier();
            sequence = domainEvent.getSequenceNumber();
        } else {
            // events without an aggregate form a stream of their own, as in Axon's JPA store
            aggregateType = null;
            aggregateId = event.getIdentifier();
            sequence = 0L;
        }
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        Document payloadDocument = parse(payload.getData());
        Document metaDataDocument = parse(metaData.getData());
        Instant timestamp = Instant.ofEpochMilli(event.getTimestamp().toEpochMilli());
        String previousHash = previousHash(aggregateId, sequence, lastHashes);
        // hashed from the metadata document as stored, so that verification reads back exactly what was hashed
        String hash = HashChain.hash(ChainRevision.CURRENT, previousHash, aggregateId, sequence,
                payload.getType().getName(), payloadDocument, timestamp, Attribution.of(metaDataDocument));
        lastHashes.put(aggregateId, hash);
        // the position is set when the group commit allocates it; keeping the key here keeps it the first field
        return new Document(EventDocument.POSITION, null)
                .append(EventDocument.AGGREGATE_TYPE, aggregateType)
                .append(EventDocument.AGGREGATE_ID, aggregateId)
                .append(EventDocument.SEQUENCE, sequence)
                .append(EventDocument.STREAM_KEY, EventDocument.streamKey(aggregateId, sequence))
                .append(EventDocument.EVENT_ID, event.getIdentifier())
                .append(EventDocument.PAYLOAD_TYPE, payload.getType().getName())
                .append(EventDocument.PAYLOAD_REVISION, payload.getType().getRevision())
                .append(EventDocument.TIMESTAMP, Date.from(timestamp))
                .append(EventDocument.PAYLOAD, payloadDocument)
                .append(EventDocument.META_DATA, metaDataDocument)
                .append(EventDocument.HASH, hash)
                .append(EventDocument.PREVIOUS_HASH, previousHash)
                .append(EventDocument.CHAIN_REVISION, ChainRevision.CURRENT.number());
    }

    private String previousHash(String aggregateId, long sequence, Map<String, String> lastHashesInBatch) {
        if (sequence == 0) {
            return HashChain.GENESIS;
        }
        String inBatch = lastHashesInBatch.get(aggregateId);
        if (inBatch != null) {
            return inBatch;
        }
        String recent = recentHashes.hashOf(aggregateId, sequence - 1);
        if (recent != null) {
            return recent;
        }
        Document previous = collections.events()
                .find(new Document(EventDocument.STREAM_KEY, EventDocument.streamKey(aggregateId, sequence - 1)))
                .projection(Projections.include(EventDocument.HASH)).first();
        // a predecessor that does not exist (e.g. a snapshot-only history) chains from the genesis
        return previous == null ? HashChain.GENESIS : previous.getString(EventDocument.HASH);
    }

    private static Document parse(String json) {
        if (json == null || json.isBlank() || !json.stripLeading().startsWith("{")) {
            // scalars and arrays are wrapped so that the payload is always a BSON document
            return new Document("value", json == null ? null : Document.parse("{\"v\":" + json + "}").get("v"));
        }
        return JsonToBson.parse(json);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document document = new Document("_id", snapshot.getAggregateIdentifier())
                .append(EventDocument.AGGREGATE_TYPE, snapshot.getType())
                .append(EventDocument.AGGREGATE_ID, snapshot.getAggregateIdentifier())
                .append(EventDocument.SEQUENCE, snapshot.getSequenceNumber())
                .append(EventDocument.EVENT_ID, snapshot.getIdentifier())
                .append(EventDocument.PAYLOAD_TYPE, payload.getType().getName())
                .append(EventDocument.PAYLOAD_REVISION, payload.getType().getRevision())
                .append(EventDocument.TIMESTAMP, Date.from(snapshot.getTimestamp()))
                .append(EventDocument.PAYLOAD, parse(payload.getData()))
                .append(EventDocument.META_DATA, parse(metaData.getData()));
        try {
            // only ever replace an older snapshot: the filter misses a newer one and the upsert then collides on _id
            collections.snapshots().replaceOne(
                    new Document("_id", snapshot.getAggregateIdentifier())
                            .append(EventDocument.SEQUENCE, new Document("$lt", snapshot.getSequenceNumber())),
                    document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    // ---------------------------------------------------------------- reading an aggregate

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateId, long firstSequence, int batchSize) {
        // most aggregates are short: ask for a small chunk of sequence numbers first, and more only while chunks are full
        List<Document> found = new ArrayList<>();
        long next = firstSequence;
        long end = firstSequence + batchSize;
        while (next < end) {
            int chunk = (int) Math.min(next == firstSequence ? FIRST_LOAD_CHUNK : IN_CHUNK, end - next);
            List<String> keys = new ArrayList<>(chunk);
            for (long s = next; s < next + chunk; s++) {
                keys.add(EventDocument.streamKey(aggregateId, s));
            }
            int before = found.size();
            collections.events().find(new Document(EventDocument.STREAM_KEY, new Document("$in", keys))).into(found);
            next += chunk;
            if (found.size() - before < chunk) {
                break;
            }
        }
        found.sort(Comparator.comparingLong(d -> ((Number) d.get(EventDocument.SEQUENCE)).longValue()));
        List<DomainEventData<?>> result = new ArrayList<>(found.size());
        long expected = firstSequence;
        for (Document doc : found) {
            // a stream ends at its first missing sequence number
            if (((Number) doc.get(EventDocument.SEQUENCE)).longValue() != expected++) {
                break;
            }
            result.add(eventData(doc));
        }
        return result;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateId) {
        Document snapshot = collections.snapshots().find(new Document("_id", aggregateId)).first();
        return snapshot == null ? Stream.empty() : Stream.of(EventDocument.toEventData(snapshot));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        if (!exists(aggregateIdentifier, 0)) {
            return Optional.empty();
        }
        // exponential probe for an upper bound, then binary search: O(log n) point lookups
        long low = 0;
        long high = 1;
        while (exists(aggregateIdentifier, high)) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (exists(aggregateIdentifier, mid)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return Optional.of(low);
    }

    private boolean exists(String aggregateId, long sequence) {
        return collections.events().find(new Document(EventDocument.STREAM_KEY, EventDocument.streamKey(aggregateId, sequence)))
                .projection(Projections.include("_id")).first() != null;
    }

    // ---------------------------------------------------------------- streaming by position

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        long index = token == null ? 0L : token.getIndex();
        SortedSet<Long> gaps = token == null ? new java.util.TreeSet<>() : token.getGaps();
        long head = blocks.head();

        // gaps we still wait for, then the window after the token
        Set<Long> wanted = new LinkedHashSet<>();
        List<Long> expiredGaps = new ArrayList<>();
        for (Long gap : gaps) {
            if (gapWatch.stillOpen(gap)) {
                wanted.add(gap);
            } else {
                expiredGaps.add(gap);
            }
        }
        List<Document> found = new ArrayList<>();
        long windowStart = index + 1;
        long windowEnd;
        if (!wanted.isEmpty()) {
            findByPositions(new ArrayList<>(wanted), found);
        }
        while (true) {
            windowEnd = Math.min(windowStart + batchSize - 1, head);
            if (windowStart <= windowEnd) {
                found.addAll(readWindow(windowStart, windowEnd));
            }
            boolean foundBeyondIndex = found.stream().anyMatch(d -> EventDocument.position(d) > index);
            // a whole window of positions that were handed out but never written (a crashed append): look further
            if (foundBeyondIndex || windowEnd >= head) {
                break;
            }
            windowStart = windowEnd + 1;
        }
        if (windowEnd + batchSize <= head) {
            // far behind the head (a replay or catch-up): have the next window read while this one is processed
            prefetch(windowEnd + 1, windowEnd + batchSize);
        }
        if (!expiredGaps.isEmpty()) {
            log.info("Giving up on positions {}: allocated but never written within the gap timeout", expiredGaps);
            if (token != null) {
                SortedSet<Long> remaining = new java.util.TreeSet<>(gaps);
                remaining.removeAll(expiredGaps);
                token = new GapAwareTrackingToken(token.getIndex(), remaining);
            }
        }
        found.sort(Comparator.comparingLong(EventDocument::position));
        List<TrackedEventData<?>> result = new ArrayList<>(found.size());
        for (Document doc : found) {
            long position = EventDocument.position(doc);
            gapWatch.filled(position);
            token = token == null
                    ? GapAwareTrackingToken.newInstance(position, gapsBefore(position))
                    : token.advanceTo(position, MAX_GAP_OFFSET);
            result.add(new TrackedDomainEventData<>(token, eventData(doc)));
        }
        return result;
    }

    private record Prefetch(long end, java.util.concurrent.Future<List<Document>> documents) {
    }

    /** The documents at positions {@code start..end}, from a prefetch made for exactly that window if there is one. */
    private List<Document> readWindow(long start, long end) {
        Prefetch prefetch = prefetches.remove(start);
        if (prefetch != null && prefetch.end() == end) {
            try {
                return prefetch.documents().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading events", e);
            } catch (java.util.concurrent.ExecutionException e) {
                log.debug("A prefetch of positions {}..{} failed; reading them again", start, end, e.getCause());
            }
        }
        return findRange(start, end);
    }

    private List<Document> findRange(long start, long end) {
        List<Long> positions = new ArrayList<>((int) (end - start + 1));
        for (long p = start; p <= end; p++) {
            positions.add(p);
        }
        List<Document> documents = new ArrayList<>(positions.size());
        findByPositions(positions, documents);
        return documents;
    }

    /**
     * Reads a window ahead on another thread. What it misses (an append still in flight) becomes a gap of the token
     * and is asked for again, exactly as when the window is read later.
     */
    private void prefetch(long start, long end) {
        if (prefetches.size() >= MAX_PREFETCHES) {
            // streams that stopped reading left theirs behind
            prefetches.clear();
        }
        try {
            prefetches.put(start, new Prefetch(end, prefetcher.submit(() -> findRange(start, end))));
        } catch (java.util.concurrent.RejectedExecutionException busy) {
            // every prefetch thread is busy: the window is read when it is needed
        }
    }

    /**
     * Asks for the positions in chunks: the embedded server checks every returned document against the whole
     * {@code $in} list, so one large list costs quadratically; a few smaller ones cost a round trip each.
     */
    private void findByPositions(List<Long> wanted, List<Document> into) {
        for (int from = 0; from < wanted.size(); from += IN_CHUNK) {
            List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + IN_CHUNK));
            collections.events().find(new Document(EventDocument.POSITION, new Document("$in", chunk))).into(into);
        }
    }

    /** Positions start at 1: a first event at a higher position has gaps below it that may still fill. */
    private static List<Long> gapsBefore(long position) {
        List<Long> gaps = new ArrayList<>();
        for (long p = Math.max(1, position - MAX_GAP_OFFSET); p < position; p++) {
            gaps.add(p);
        }
        return gaps;
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(blocks.head(), List.of());
    }

    /**
     * The token just before the first event stored at or after {@code instant}. Positions are dense and roughly in
     * time order, so a binary search of point lookups finds it without a range scan.
     */
    @Override
    public TrackingToken createTokenAt(Instant instant) {
        long low = 1;
        long high = blocks.head();
        long answer = high + 1;
        while (low <= high) {
            long mid = (low + high) >>> 1;
            Document doc = nearestAtOrAfter(mid, high);
            if (doc == null) {
                high = mid - 1;
                continue;
            }
            if (!EventDocument.timestamp(doc).toInstant().isBefore(instant)) {
                answer = EventDocument.position(doc);
                high = mid - 1;
            } else {
                low = EventDocument.position(doc) + 1;
            }
        }
        return answer <= 1 ? null : GapAwareTrackingToken.newInstance(answer - 1, List.of());
    }

    private Document nearestAtOrAfter(long position, long limit) {
        for (long p = position; p <= Math.min(limit, position + 64); p++) {
            Document doc = collections.events().find(new Document(EventDocument.POSITION, p))
                    .projection(Projections.include(EventDocument.TIMESTAMP)).first();
            if (doc != null) {
                return doc;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- configuration

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private EventStoreCollections collections;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private int appendWriters = 2;
        private int positionBlock = 256;

        public Builder() {
            persistenceExceptionResolver(DUPLICATE_KEY);
        }

        public Builder collections(EventStoreCollections collections) {
            this.collections = collections;
            return this;
        }

        /** How long a missing position is waited for before it counts as a failed append. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /**
         * Writer threads of the group commit: each stores one group of concurrent appends at a time. More than one,
         * so that a slow group does not hold up every append.
         */
        public Builder appendWriters(int appendWriters) {
            this.appendWriters = appendWriters;
            return this;
        }

        /**
         * Positions reserved from the counter at once while appends keep coming (1: exactly what each group needs).
         * Larger blocks save counter round trips; a crash leaves at most one block's unused positions as gaps.
         */
        public Builder positionBlock(int positionBlock) {
            this.positionBlock = positionBlock;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (collections == null) {
                throw new org.axonframework.common.AxonConfigurationException("the event store collections are required");
            }
        }

        /** Axon's constructor validates the builder (and ours with it) before anything is built. */
        public MongoEventStorageEngine build() {
            return new MongoEventStorageEngine(this);
        }
    }

    /** A duplicate stream key or event id is a concurrent append to the same aggregate. */
    static final PersistenceExceptionResolver DUPLICATE_KEY = exception -> {
        if (exception instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream().anyMatch(e -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return exception instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    };
}
