package de.efa.registry.embedded;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.IndexBuildFailedException;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * A collection of the journaled store: documents as BSON bytes in memory, one slot per position, and every change
 * recorded in the {@link Journal} with the position it took (a put, a delete, a clear, a rename). mongo-java-server
 * calls these hooks under the collection's monitor, and write commands run one at a time (see {@link JournalGate}),
 * so the journal's order is the order in which the changes were made.
 */
final class JournaledCollection extends AbstractSynchronizedMongoCollection<Integer> {

    private static final Logger log = LoggerFactory.getLogger(JournaledCollection.class);
    /** Collections larger than this log each query that reads all their documents (at DEBUG): no index served it. */
    private static final int FULL_SCAN_LOG_THRESHOLD = 1_000;

    private final Journal journal;
    private final ArrayList<byte[]> slots;
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private int count;
    /** Bytes of BSON held in the slots: the size of this collection in a checkpoint. */
    private long storedBytes;

    JournaledCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                        CursorRegistry cursorRegistry, Journal journal, List<byte[]> recovered) {
        super(database, collectionName, options, cursorRegistry);
        this.journal = journal;
        this.slots = new ArrayList<>(recovered);
        for (int position = 0; position < slots.size(); position++) {
            byte[] bson = slots.get(position);
            if (bson == null) {
                free.add(position);
            } else {
                count++;
                storedBytes += bson.length;
            }
        }
        journal.opened(this);
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        byte[] bson = DocumentCodec.encode(document);
        Integer position = free.poll();
        if (position == null) {
            position = slots.size();
            slots.add(bson);
        } else {
            slots.set(position, bson);
        }
        count++;
        storedBytes += bson.length;
        journal.put(getFullName(), position, bson);
        return position;
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        byte[] bson = DocumentCodec.encode(newDocument);
        byte[] previous = slots.set(position, bson);
        storedBytes += bson.length - (previous == null ? 0 : previous.length);
        journal.put(getFullName(), position, bson);
    }

    @Override
    protected void removeDocument(Integer position) {
        byte[] previous = slots.set(position, null);
        free.add(position);
        count--;
        storedBytes -= previous == null ? 0 : previous.length;
        journal.delete(getFullName(), position);
    }

    @Override
    protected Document getDocument(Integer position) {
        byte[] bson = slots.get(position);
        return bson == null ? null : DocumentCodec.decode(bson);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (count > FULL_SCAN_LOG_THRESHOLD && log.isDebugEnabled()) {
            log.debug("full scan of {} documents of {} for {}", count, getFullName(), query);
        }
        IntStream positions = IntStream.range(0, slots.size());
        if (isNaturalDescending(orderBy)) {
            int last = slots.size() - 1;
            positions = positions.map(i -> last - i);
        }
        Stream<Document> documents = positions.mapToObj(slots::get).filter(bson -> bson != null)
            .map(DocumentCodec::decode);
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
        return IntStream.range(0, slots.size()).filter(position -> slots.get(position) != null)
            .mapToObj(position -> new DocumentWithPosition<>(DocumentCodec.decode(slots.get(position)), position));
    }

    /**
     * Builds a new index from the indexed fields alone, read once per document (the base class decodes every whole
     * document twice per index: once to check, once to add) — what bounds a restart with a million stored events.
     */
    @Override
    public synchronized void addIndex(Index<Integer> index) {
        if (!(index instanceof RecoverableUniqueIndex recoverable) || !index.isEmpty() || count == 0) {
            super.addIndex(index);
            return;
        }
        Set<String> fields = index.getKeys().stream().map(key -> key.getKey().split("\\.", 2)[0])
            .collect(Collectors.toSet());
        try {
            for (int position = 0; position < slots.size(); position++) {
                byte[] bson = slots.get(position);
                if (bson != null) {
                    recoverable.addRecovered(DocumentCodec.decodeFields(bson, fields), position, this);
                }
            }
        } catch (MongoServerError e) {
            throw new IndexBuildFailedException(e, this);
        }
        super.addIndex(index); // registers it; the base class skips the build since the index is no longer empty
    }

    @Override
    public synchronized int count() {
        return count;
    }

    @Override
    public synchronized boolean isEmpty() {
        return count == 0;
    }

    /**
     * The base class would measure every inserted, updated and removed document by encoding it once more (and
     * twice per update): a sixth of the server's time in a bulk adoption. The stored BSON already says its size.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        // sizes are kept by the slots (storedBytes)
    }

    @Override
    protected int getDataSize() {
        return (int) Math.min(Integer.MAX_VALUE, storedBytes);
    }

    @Override
    public synchronized void drop() {
        super.drop();
        slots.clear();
        free.clear();
        count = 0;
        storedBytes = 0;
        journal.clear(getFullName());
        journal.closed(this);
    }

    @Override
    public synchronized void renameTo(MongoDatabase newDatabase, String newCollectionName) {
        String from = getFullName();
        super.renameTo(newDatabase, newCollectionName);
        journal.rename(from, getFullName());
    }

    /** The stored slots as they are now, for a checkpoint (the byte arrays are never changed once stored). */
    synchronized List<byte[]> slotsNow() {
        return new ArrayList<>(slots);
    }

    /** Bytes of the stored documents. */
    synchronized long storedBytes() {
        return storedBytes;
    }
}
