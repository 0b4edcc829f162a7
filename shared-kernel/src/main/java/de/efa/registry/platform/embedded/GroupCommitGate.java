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
     * Rewrites chunks that are less than 80 % live (up to 16 MB per run) into new ones and commits, under the
     * exclusive lock. The old chunks are freed once no registered reader needs them and the retention time has
     * passed; their space is then reused, which bounds the file size.
     */
    void compact() {
        lock.writeLock().lock();
        try {
            if (mvStore.isClosed()) {
                return;
            }
            long start = System.nanoTime();
            int fillBefore = mvStore.getFillRate();
            mvStore.compact(80, 16 * 1024 * 1024);
            mvStore.commit();
            commits.incrementAndGet();
            log.debug("compacted {}: fill rate {}% -> {}%, file {} bytes, {} ms", backend, fillBefore,
                mvStore.getFillRate(), mvStore.getFileStore().size(), (System.nanoTime() - start) / 1_000_000);
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
