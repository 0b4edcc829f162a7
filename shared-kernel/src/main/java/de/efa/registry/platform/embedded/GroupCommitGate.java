package de.efa.registry.platform.embedded;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * Sits between the wire protocol and an {@link H2Backend} on an MVStore opened with auto-commit disabled, and
 * acknowledges a write command only after an {@link MVStore#commit()} that covers it.
 *
 * <h2>Where commands enter</h2>
 * The server calls the backend through the {@link MongoBackend} interface: OP_MSG (all the driver 5.x sends) via
 * {@code handleMessage}, OP_QUERY on {@code $cmd} via {@code handleCommand}, other OP_QUERY (reads) via
 * {@code handleQuery}; legacy write opcodes are rejected by the server. {@code AbstractMongoBackend.handleMessage}
 * calls {@code this.handleCommand} internally, which does not pass the interface again. Intercepting
 * {@code handleMessage} and {@code handleCommand} at the interface (a dynamic proxy, which also keeps Netty's
 * {@code Channel} out of our compile-time signatures) therefore sees every write command exactly once.
 *
 * <h2>Group commit</h2>
 * A write command is applied under the shared (read) lock and numbered when it is done. Then the thread waits
 * until {@code committedWrites} reaches its number. If no commit is running it becomes the committer: it takes the
 * exclusive (write) lock — so no write is half-applied — reads the number of writes applied so far, commits the
 * MVStore and publishes that number. Writes that arrive during a commit are covered by the next one, which one of
 * their threads performs: concurrent writes share commits. A failed command is committed too (an ordered
 * {@code insertMany} that hit a duplicate key has applied the documents before it).
 *
 * <h2>Reads</h2>
 * Read commands take no lock. They register their MVStore version for their duration, so chunks holding pages
 * that a long scan still reads are not dropped by commits or compaction ("Chunk … not found").
 */
final class GroupCommitGate implements InvocationHandler {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitGate.class);

    /** Commands that never modify data (lower case). Anything else counts as a write. */
    private static final Set<String> READ_COMMANDS = Set.of(
        "find", "getmore", "count", "distinct", "listindexes", "listcollections", "listdatabases",
        "ping", "ismaster", "hello", "buildinfo", "whatsmyuri", "serverstatus", "dbstats", "collstats",
        "getlasterror", "getpreverror", "getlog", "hostinfo", "getcmdlineopts", "getfreemonitoringstatus",
        "connectionstatus", "killcursors", "endsessions", "replsetgetstatus", "explain", "validate",
        "getparameter", "currentop", "features", "saslstart", "saslcontinue", "getnonce", "authenticate",
        "logout", "usersinfo", "rolesinfo");

    private final H2Backend backend;
    private final MVStore mvStore;
    private final MongoBackend proxy;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** Number of write commands applied so far (incremented under the shared lock). */
    private final AtomicLong appliedWrites = new AtomicLong();

    private final Object commitMonitor = new Object();
    /** Applied-write count covered by the last commit; guarded by commitMonitor. */
    private long committedWrites;
    /** Whether a thread is committing; guarded by commitMonitor. */
    private boolean committing;

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    GroupCommitGate(H2Backend backend, MVStore mvStore) {
        this.backend = backend;
        this.mvStore = mvStore;
        this.proxy = (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
            new Class<?>[] {MongoBackend.class}, this);
    }

    /** The backend to hand to the {@code MongoServer}. */
    MongoBackend backend() {
        return proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "handleMessage": {
                Document query = ((MongoMessage) args[0]).getDocument();
                String command = query.isEmpty() ? "" : query.keySet().iterator().next();
                return gate(command, query, method, args);
            }
            case "handleCommand":
                return gate((String) args[2], (Document) args[3], method, args);
            case "close":
                close();
                return null;
            case "version":
                invokeBackend(method, args);
                return proxy;
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            case "toString":
                return "GroupCommit[" + backend + "]";
            default:
                return invokeBackend(method, args);
        }
    }

    private Object gate(String command, Document query, Method method, Object[] args) throws Throwable {
        if (isWrite(command, query)) {
            log.trace("write command {}", command);
            return write(method, args);
        }
        return read(method, args);
    }

    private Object read(Method method, Object[] args) throws Throwable {
        MVStore.TxCounter usage = mvStore.registerVersionUsage();
        try {
            return invokeBackend(method, args);
        } finally {
            mvStore.deregisterVersionUsage(usage);
        }
    }

    private Object write(Method method, Object[] args) throws Throwable {
        long ticket;
        Object response;
        lock.readLock().lock();
        try {
            response = invokeBackend(method, args);
        } catch (Throwable e) {
            ticket = appliedWrites.incrementAndGet();
            lock.readLock().unlock();
            awaitCommit(ticket);
            throw e;
        }
        ticket = appliedWrites.incrementAndGet();
        lock.readLock().unlock();
        writes.incrementAndGet();
        awaitCommit(ticket);
        return response;
    }

    private Object invokeBackend(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(backend, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Blocks until a commit covers write number {@code ticket}; commits itself if nobody else is committing. */
    private void awaitCommit(long ticket) {
        synchronized (commitMonitor) {
            while (committedWrites < ticket && committing) {
                try {
                    commitMonitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a commit", e);
                }
            }
            if (committedWrites >= ticket) {
                return;
            }
            committing = true;
        }
        long covered = -1;
        try {
            covered = commitApplied();
        } finally {
            synchronized (commitMonitor) {
                committing = false;
                committedWrites = Math.max(committedWrites, covered);
                commitMonitor.notifyAll();
            }
        }
    }

    /** Commits everything applied so far; returns the applied-write count the commit covers. */
    private long commitApplied() {
        lock.writeLock().lock();
        try {
            long upTo = appliedWrites.get();
            mvStore.commit();
            commits.incrementAndGet();
            return upTo;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Chunk fill rate below which sparse chunks are rewritten. MVStore measures it with the rounded-up page length
     * codes, so fully live chunks of this store read ~60 %: with the former 80 every run rewrote 16 MB of live data
     * without ever reaching the target (the "35 % -> 38 %" churn). H2's own background compaction uses 50.
     */
    static final int REWRITE_BELOW_CHUNK_FILL = 50;
    /** Live bytes rewritten per rewrite step (one step holds the exclusive lock once). */
    static final int REWRITE_BYTES_PER_STEP = 1024 * 1024;
    /** File fill rate (used share of the file's blocks) at or below which chunks are moved towards the start. */
    static final int MOVE_BELOW_FILE_FILL = 90;
    /**
     * Chunk bytes moved per move step. H2 never moves a chunk larger than this, so it must exceed the chunks the
     * rewrite steps write (about {@link #REWRITE_BYTES_PER_STEP} each); with 1 MB nothing moved after a rewrite.
     */
    static final int MOVE_BYTES_PER_STEP = 4 * 1024 * 1024;
    /** Time per {@link #compact()} run for rewrite steps, and then for move steps; the lock is released between steps. */
    static final long REWRITE_MILLIS_PER_RUN = 1_000;
    static final long MOVE_MILLIS_PER_RUN = 500;

    /**
     * Bounds the file size. {@code MVStore.compact} alone does not: it only rewrites the live pages of sparse chunks
     * into a new chunk, which is placed in the first free gap, and the old chunks become gaps. The file is truncated
     * only when its tail is free, and chunks at the tail are moved only by
     * {@link RandomAccessStore#compactMoveChunks(int, long, MVStore)}, which MVStore calls from {@code compactFile},
     * {@code close} and its background writer (off here: auto-commit is disabled). So a run does short steps, each
     * under the exclusive lock: first rewrite steps (up to {@value #REWRITE_BYTES_PER_STEP} live bytes of sparse chunks,
     * then commit) while there are sparse chunks, then move steps (free dead chunks, move up to
     * {@value #MOVE_BYTES_PER_STEP} bytes of chunks from the end of the file into gaps, commit, truncate the free tail)
     * while they change the file. Chunks still needed by a registered read are neither freed nor overwritten (a move
     * copies a chunk, and a reader re-reads a page whose chunk moved meanwhile).
     */
    void compact() {
        long start = System.nanoTime();
        long sizeBefore = fileSize();
        long[] stats = new long[3]; // rewrite steps, move steps, longest step (ns)
        runSteps(true, start + REWRITE_MILLIS_PER_RUN * 1_000_000L, stats);
        runSteps(false, System.nanoTime() + MOVE_MILLIS_PER_RUN * 1_000_000L, stats);
        if (log.isDebugEnabled() && !mvStore.isClosed()) {
            log.debug("compacted {}: file {} -> {} bytes, file fill {}%, chunk fill {}%, {} rewrite + {} move steps, "
                    + "longest {} ms, {} ms", backend, sizeBefore, fileSize(), mvStore.getFillRate(),
                mvStore.getFileStore().getChunksFillRate(), stats[0], stats[1], stats[2] / 1_000_000,
                (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void runSteps(boolean rewrite, long deadline, long[] stats) {
        boolean progress = true;
        while (progress && System.nanoTime() - deadline < 0 && !Thread.currentThread().isInterrupted()) {
            long stepStart = System.nanoTime();
            progress = rewrite ? rewriteStep() : moveStep();
            stats[rewrite ? 0 : 1]++;
            stats[2] = Math.max(stats[2], System.nanoTime() - stepStart);
        }
    }

    /** Rewrites the live pages of some sparse chunks and commits; returns whether anything was rewritten. */
    private boolean rewriteStep() {
        lock.writeLock().lock();
        try {
            if (mvStore.isClosed()) {
                return false;
            }
            long t0 = System.nanoTime();
            boolean rewritten = mvStore.compact(REWRITE_BELOW_CHUNK_FILL, REWRITE_BYTES_PER_STEP);
            mvStore.commit(); // writes the rewritten pages; the old chunks are dead from here on
            commits.incrementAndGet();
            log.trace("compaction rewrite step: {} ms, rewritten {}", (System.nanoTime() - t0) / 1_000_000, rewritten);
            return rewritten;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Frees dead chunks, moves chunks from the end of the file into gaps, truncates; returns whether the file changed. */
    private boolean moveStep() {
        if (mvStore.isClosed() || !(mvStore.getFileStore() instanceof RandomAccessStore)) {
            return false;
        }
        // flush what the (unsynced) commits wrote without holding the lock, so that the syncs inside
        // compactMoveChunks only have the step's own writes to flush
        mvStore.sync();
        lock.writeLock().lock();
        try {
            if (mvStore.isClosed()) {
                return false;
            }
            RandomAccessStore fileStore = (RandomAccessStore) mvStore.getFileStore();
            long t0 = System.nanoTime();
            long sizeBefore = fileStore.size();
            int fillBefore = fileStore.getFillRate();
            fileStore.compactMoveChunks(MOVE_BELOW_FILE_FILL, MOVE_BYTES_PER_STEP, mvStore);
            commits.incrementAndGet();
            log.trace("compaction move step: {} ms, file {} -> {} bytes, fill {}% -> {}%",
                (System.nanoTime() - t0) / 1_000_000, sizeBefore, fileStore.size(), fillBefore, fileStore.getFillRate());
            return fileStore.size() != sizeBefore || fileStore.getFillRate() != fillBefore;
        } finally {
            lock.writeLock().unlock();
        }
    }

    long fileSize() {
        return mvStore.isClosed() ? 0 : mvStore.getFileStore().size();
    }

    long commitCount() {
        return commits.get();
    }

    long writeCount() {
        return writes.get();
    }

    /** Final commit and close of the MVStore; call after the server stopped taking commands. */
    void close() {
        lock.writeLock().lock();
        try {
            if (!mvStore.isClosed()) {
                mvStore.commit();
                backend.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return hasOutputStage(query.get("pipeline"));
        }
        return !READ_COMMANDS.contains(name);
    }

    private static boolean hasOutputStage(Object pipeline) {
        if (pipeline instanceof List<?> stages) {
            for (Object stage : stages) {
                if (stage instanceof Document doc && (doc.containsKey("$out") || doc.containsKey("$merge"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
