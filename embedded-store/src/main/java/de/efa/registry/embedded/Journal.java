package de.efa.registry.embedded;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable part of the journaled store: every change of every collection, appended to segment files
 * ({@code journal-NNNNNNNNNN.log}), and from time to time a checkpoint ({@code checkpoint-NNNNNNNNNN.snap}) that
 * holds all documents as of the start of segment N, after which the older segments are deleted.
 *
 * <h2>Write commands</h2>
 * {@link #write(Callable)} runs one write command at a time (the command lock) and collects its changes into one
 * record. The record is queued under the lock — so records are in the order the changes were made — and the command
 * is answered only once a write to the segment file covers it. Whoever finds queued records unwritten writes all of
 * them in one call (group commit), outside the command lock, so the next commands already run meanwhile. A file
 * write reaches the operating system's page cache, which survives {@code kill -9} of the JVM; without an fsync an
 * operating-system crash or a power loss may still lose the last acknowledged writes (as with the H2 store before).
 *
 * <h2>Recovery</h2>
 * {@link #open(Path)} loads the newest checkpoint and replays the segments from its number on. A record cut short
 * by a crash is the end of the log: it is cut off, and the command it belonged to was never acknowledged.
 */
final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);

    static final String SEGMENT_PREFIX = "journal-";
    static final String SEGMENT_SUFFIX = ".log";
    static final String CHECKPOINT_PREFIX = "checkpoint-";
    static final String CHECKPOINT_SUFFIX = ".snap";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    /** Checkpoint records hold about this many bytes of documents each. */
    private static final int CHECKPOINT_RECORD_BYTES = 1024 * 1024;

    private final Path directory;
    private final CollectionSlots recovered;
    private final Set<JournaledCollection> openCollections = ConcurrentHashMap.newKeySet();

    /** One write command at a time, so that the journal's order is the order of the changes. */
    private final ReentrantLock commandLock = new ReentrantLock();
    /** Changes of the running command; guarded by commandLock. */
    private final ByteArrayOutputStream commandBytes = new ByteArrayOutputStream(4096);
    private final DataOutputStream command = new DataOutputStream(commandBytes);
    private boolean inCommand;

    private final Object flushMonitor = new Object();
    /** Framed records not yet written; guarded by flushMonitor. */
    private List<ByteBuffer> queued = new ArrayList<>();
    private long queuedTickets;
    private long writtenTickets;
    private boolean flushing;
    private FileChannel segment;
    private long segmentNumber;
    private IOException failure;

    private final AtomicLong bytesSinceCheckpoint = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong fileWrites = new AtomicLong();
    private final AtomicLong records = new AtomicLong();

    private Journal(Path directory, CollectionSlots recovered, long segmentNumber) throws IOException {
        this.directory = directory;
        this.recovered = recovered;
        this.segmentNumber = segmentNumber;
        this.segment = openSegment(segmentNumber);
    }

    /** Recovers the documents stored in {@code directory} (created if needed) and opens a new segment after them. */
    static Journal open(Path directory) {
        try {
            Files.createDirectories(directory);
            deleteTemporaryFiles(directory);
            long checkpoint = newest(directory, CHECKPOINT_PREFIX, CHECKPOINT_SUFFIX);
            CollectionSlots slots = new CollectionSlots();
            if (checkpoint > 0) {
                Path file = fileOf(directory, CHECKPOINT_PREFIX, checkpoint, CHECKPOINT_SUFFIX);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    if (!JournalRecords.replay(channel, slots).ended()) {
                        throw new IllegalStateException(file + " is incomplete; the embedded store cannot be opened");
                    }
                }
            }
            List<Long> segments = numbers(directory, SEGMENT_PREFIX, SEGMENT_SUFFIX);
            long last = Math.max(checkpoint, 1) - 1;
            for (int i = 0; i < segments.size(); i++) {
                long number = segments.get(i);
                Path file = fileOf(directory, SEGMENT_PREFIX, number, SEGMENT_SUFFIX);
                if (number < checkpoint) {
                    Files.delete(file); // covered by the checkpoint; its deletion was cut short
                    continue;
                }
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    long intact = JournalRecords.replay(channel, slots).intactBytes();
                    if (intact < channel.size()) {
                        if (i < segments.size() - 1) {
                            throw new IllegalStateException(file + " is damaged at byte " + intact
                                + " but later segments follow; the embedded store cannot be opened");
                        }
                        log.warn("{}: cutting off {} bytes of a write that was never acknowledged (a crash)", file,
                            channel.size() - intact);
                        channel.truncate(intact);
                    }
                }
                last = number;
            }
            return new Journal(directory, slots, last + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the embedded store in " + directory, e);
        }
    }

    /** The documents recovered at start-up that no collection has taken yet. */
    CollectionSlots recovered() {
        return recovered;
    }

    void opened(JournaledCollection collection) {
        openCollections.add(collection);
    }

    void closed(JournaledCollection collection) {
        openCollections.remove(collection);
    }

    /** Runs one write command and returns once its changes are written to the journal. */
    <T> T write(Callable<T> writeCommand) throws Exception {
        T result = null;
        Exception error = null;
        long ticket = 0;
        commandLock.lock();
        try {
            inCommand = true;
            try {
                result = writeCommand.call();
            } catch (Exception e) {
                error = e; // a failed command may have changed documents before it failed (an ordered insertMany)
            } finally {
                inCommand = false;
                ticket = queueCommand();
            }
        } finally {
            commandLock.unlock();
        }
        awaitWritten(ticket);
        if (error != null) {
            throw error;
        }
        return result;
    }

    void put(String collection, int position, byte[] bson) {
        change(out -> JournalRecords.put(out, collection, position, bson));
    }

    void delete(String collection, int position) {
        change(out -> JournalRecords.delete(out, collection, position));
    }

    void clear(String collection) {
        change(out -> JournalRecords.clear(out, collection));
    }

    void rename(String from, String to) {
        change(out -> JournalRecords.rename(out, from, to));
    }

    private interface Change {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private void change(Change change) {
        try {
            if (inCommand && commandLock.isHeldByCurrentThread()) {
                change.writeTo(command);
                return;
            }
            // a change outside a write command (the server building its catalogue at start-up): a record of its own
            commandLock.lock();
            long ticket;
            try {
                change.writeTo(command);
                ticket = queueCommand();
            } finally {
                commandLock.unlock();
            }
            awaitWritten(ticket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frames the running command's changes as one record and queues it; returns its ticket (0: nothing changed). */
    private long queueCommand() {
        if (commandBytes.size() == 0) {
            return 0;
        }
        ByteBuffer record = JournalRecords.frame(commandBytes.toByteArray(), commandBytes.size());
        commandBytes.reset();
        records.incrementAndGet();
        synchronized (flushMonitor) {
            queued.add(record);
            return ++queuedTickets;
        }
    }

    /** Blocks until the record with {@code ticket} is written; writes everything queued if nobody else is writing. */
    private void awaitWritten(long ticket) throws IOException {
        if (ticket == 0) {
            return;
        }
        List<ByteBuffer> batch;
        long covers;
        FileChannel target;
        synchronized (flushMonitor) {
            while (writtenTickets < ticket && flushing) {
                try {
                    flushMonitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the journal", e);
                }
            }
            if (failure != null) {
                throw new IOException("the embedded store's journal cannot be written", failure);
            }
            if (writtenTickets >= ticket) {
                return;
            }
            flushing = true;
            batch = queued;
            queued = new ArrayList<>();
            covers = queuedTickets;
            target = segment;
        }
        IOException error = null;
        try {
            long bytes = writeAll(target, batch);
            fileWrites.incrementAndGet();
            bytesSinceCheckpoint.addAndGet(bytes);
        } catch (IOException e) {
            error = e;
        } finally {
            synchronized (flushMonitor) {
                flushing = false;
                if (error == null) {
                    writtenTickets = covers;
                } else if (failure == null) {
                    failure = error; // nothing acknowledged after a failed write: the journal would have a hole
                }
                flushMonitor.notifyAll();
            }
        }
        if (error != null) {
            throw new IOException("the embedded store's journal cannot be written", error);
        }
    }

    /**
     * Writes all documents into a new checkpoint and deletes the segments it covers. Write commands wait only while
     * the documents' slots are copied (references, not bytes) and a new segment is opened; the checkpoint itself is
     * written while they go on.
     */
    void checkpoint() {
        long number;
        Map<String, List<byte[]>> documents = new LinkedHashMap<>();
        commandLock.lock();
        try {
            synchronized (flushMonitor) {
                drainLocked();
                for (JournaledCollection collection : openCollections) {
                    documents.put(collection.getFullName(), collection.slotsNow());
                }
                number = segmentNumber + 1;
                FileChannel next = openSegment(number);
                segment.close();
                segment = next;
                segmentNumber = number;
                bytesSinceCheckpoint.set(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a checkpoint of the embedded store", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            commandLock.unlock();
        }
        try {
            writeCheckpoint(number, documents);
            deleteCovered(number);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint of the embedded store", e);
        }
    }

    /**
     * Waits for a running flush, then writes what is still queued, holding the flush monitor: afterwards every record
     * of an answered command is in the segment and nobody else is writing (a checkpoint's cut, a clean close).
     */
    private void drainLocked() throws IOException, InterruptedException {
        while (flushing) {
            flushMonitor.wait();
        }
        if (!queued.isEmpty()) {
            flushQueuedLocked();
        }
    }

    /** Writes what is queued while holding the flush monitor (the checkpoint's cut: nobody else is writing). */
    private void flushQueuedLocked() throws IOException {
        writeAll(segment, queued);
        queued = new ArrayList<>();
        writtenTickets = queuedTickets;
        flushMonitor.notifyAll();
    }

    /** Appends the records in one gathering write (as many calls as the channel needs); returns their bytes. */
    private long writeAll(FileChannel target, List<ByteBuffer> records) throws IOException {
        long bytes = 0;
        for (ByteBuffer record : records) {
            bytes += record.remaining();
        }
        ByteBuffer[] buffers = records.toArray(ByteBuffer[]::new);
        long written = 0;
        while (written < bytes) {
            written += target.write(buffers);
        }
        bytesWritten.addAndGet(bytes);
        return bytes;
    }

    private void writeCheckpoint(long number, Map<String, List<byte[]>> documents) throws IOException {
        Path temporary = fileOf(directory, CHECKPOINT_PREFIX, number, CHECKPOINT_SUFFIX + TEMPORARY_SUFFIX);
        long start = System.nanoTime();
        long bytes = 0;
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteArrayOutputStream payload = new ByteArrayOutputStream(CHECKPOINT_RECORD_BYTES + 64 * 1024);
            DataOutputStream data = new DataOutputStream(payload);
            for (Map.Entry<String, List<byte[]>> collection : documents.entrySet()) {
                List<byte[]> slots = collection.getValue();
                for (int position = 0; position < slots.size(); position++) {
                    byte[] bson = slots.get(position);
                    if (bson != null) {
                        JournalRecords.put(data, collection.getKey(), position, bson);
                        if (payload.size() >= CHECKPOINT_RECORD_BYTES) {
                            bytes += writeRecord(out, payload);
                        }
                    }
                }
            }
            JournalRecords.end(data);
            bytes += writeRecord(out, payload);
            out.force(true); // the segments it replaces are deleted next: it must be on disk first
        }
        Files.move(temporary, fileOf(directory, CHECKPOINT_PREFIX, number, CHECKPOINT_SUFFIX),
            StandardCopyOption.ATOMIC_MOVE);
        log.debug("checkpoint {} of the embedded store: {} collections, {} bytes, {} ms", number, documents.size(),
            bytes, (System.nanoTime() - start) / 1_000_000);
    }

    private static long writeRecord(FileChannel out, ByteArrayOutputStream payload) throws IOException {
        ByteBuffer record = JournalRecords.frame(payload.toByteArray(), payload.size());
        long bytes = record.remaining();
        while (record.hasRemaining()) {
            out.write(record);
        }
        payload.reset();
        return bytes;
    }

    private void deleteCovered(long checkpoint) throws IOException {
        for (long number : numbers(directory, SEGMENT_PREFIX, SEGMENT_SUFFIX)) {
            if (number < checkpoint) {
                Files.deleteIfExists(fileOf(directory, SEGMENT_PREFIX, number, SEGMENT_SUFFIX));
            }
        }
        for (long number : numbers(directory, CHECKPOINT_PREFIX, CHECKPOINT_SUFFIX)) {
            if (number < checkpoint) {
                Files.deleteIfExists(fileOf(directory, CHECKPOINT_PREFIX, number, CHECKPOINT_SUFFIX));
            }
        }
    }

    /** Journal bytes written since the last checkpoint began. */
    long bytesSinceCheckpoint() {
        return bytesSinceCheckpoint.get();
    }

    /** Bytes of all stored documents (what a checkpoint holds). */
    long storedBytes() {
        long bytes = 0;
        for (JournaledCollection collection : openCollections) {
            bytes += collection.storedBytes();
        }
        return bytes;
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    long fileWrites() {
        return fileWrites.get();
    }

    long records() {
        return records.get();
    }

    /** Bytes of all files in the store's directory. */
    long directorySize() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        commandLock.lock();
        try {
            synchronized (flushMonitor) {
                drainLocked();
                segment.close();
            }
        } catch (IOException e) {
            log.warn("closing the embedded store's journal failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            commandLock.unlock();
        }
    }

    private FileChannel openSegment(long number) throws IOException {
        return FileChannel.open(fileOf(directory, SEGMENT_PREFIX, number, SEGMENT_SUFFIX), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static Path fileOf(Path directory, String prefix, long number, String suffix) {
        return directory.resolve(String.format("%s%010d%s", prefix, number, suffix));
    }

    private static long newest(Path directory, String prefix, String suffix) throws IOException {
        List<Long> numbers = numbers(directory, prefix, suffix);
        return numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1);
    }

    private static List<Long> numbers(Path directory, String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                .filter(name -> name.startsWith(prefix) && name.endsWith(suffix))
                .map(name -> name.substring(prefix.length(), name.length() - suffix.length()))
                .filter(digits -> !digits.isEmpty() && digits.chars().allMatch(Character::isDigit))
                .map(Long::parseLong).sorted().toList();
        }
    }

    private static void deleteTemporaryFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(TEMPORARY_SUFFIX)).toList()) {
                Files.delete(file); // a checkpoint cut short by a crash; the segments it would replace are still there
            }
        }
    }
}
