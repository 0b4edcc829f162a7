package de.efa.registry.embedded;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * The byte format of journal segments and checkpoints. A record is {@code [payload length][CRC-32C][payload]}; a
 * payload is a sequence of changes, each an operation byte and its operands:
 * <pre>
 *   PUT    collection, position, BSON length, BSON      the document now stored at that position
 *   DELETE collection, position                         the position is free
 *   CLEAR  collection                                   the collection was dropped
 *   RENAME from, to                                     the collection was renamed (or moved to another database)
 *   END                                                 (checkpoints only) the checkpoint is complete
 * </pre>
 * One write command's changes form one record, so a record that was cut short by a crash (short, or its checksum
 * wrong) is dropped as a whole: a command is either replayed completely or not at all.
 */
final class JournalRecords {

    static final byte PUT = 1;
    static final byte DELETE = 2;
    static final byte CLEAR = 3;
    static final byte RENAME = 4;
    static final byte END = 9;

    /** Length and checksum in front of every payload. */
    static final int HEADER_BYTES = 8;
    /** A payload longer than this is taken for garbage (a torn length field), not allocated. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;

    private JournalRecords() {
    }

    static void put(DataOutputStream out, String collection, int position, byte[] bson) throws IOException {
        out.writeByte(PUT);
        out.writeUTF(collection);
        out.writeInt(position);
        out.writeInt(bson.length);
        out.write(bson);
    }

    static void delete(DataOutputStream out, String collection, int position) throws IOException {
        out.writeByte(DELETE);
        out.writeUTF(collection);
        out.writeInt(position);
    }

    static void clear(DataOutputStream out, String collection) throws IOException {
        out.writeByte(CLEAR);
        out.writeUTF(collection);
    }

    static void rename(DataOutputStream out, String from, String to) throws IOException {
        out.writeByte(RENAME);
        out.writeUTF(from);
        out.writeUTF(to);
    }

    static void end(DataOutputStream out) throws IOException {
        out.writeByte(END);
    }

    /** Header and payload, ready to be appended to a file. */
    static ByteBuffer frame(byte[] payload, int length) {
        CRC32C crc = new CRC32C();
        crc.update(payload, 0, length);
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + length);
        record.putInt(length).putInt((int) crc.getValue()).put(payload, 0, length).flip();
        return record;
    }

    /**
     * Applies the records of a file to {@code slots} from the start; returns how many bytes of the file hold whole,
     * intact records (what follows is a torn tail) and whether an END record was among them.
     */
    static Replayed replay(FileChannel file, CollectionSlots slots) {
        try {
            long size = file.size();
            long offset = 0;
            boolean ended = false;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (offset + HEADER_BYTES <= size) {
                header.clear();
                readFully(file, header, offset);
                header.flip();
                int length = header.getInt();
                int checksum = header.getInt();
                if (length < 0 || length > MAX_PAYLOAD_BYTES || offset + HEADER_BYTES + length > size) {
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(file, payload, offset + HEADER_BYTES);
                CRC32C crc = new CRC32C();
                crc.update(payload.array(), 0, length);
                if ((int) crc.getValue() != checksum) {
                    break;
                }
                ended |= apply(payload.array(), slots);
                offset += HEADER_BYTES + length;
            }
            return new Replayed(offset, ended);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded store's journal", e);
        }
    }

    record Replayed(long intactBytes, boolean ended) {
    }

    private static void readFully(FileChannel file, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            int read = file.read(into, position + into.position());
            if (read < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private static boolean apply(byte[] payload, CollectionSlots slots) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        boolean ended = false;
        while (in.available() > 0) {
            byte operation = in.readByte();
            switch (operation) {
                case PUT -> {
                    String collection = in.readUTF();
                    int position = in.readInt();
                    byte[] bson = new byte[in.readInt()];
                    in.readFully(bson);
                    slots.put(collection, position, bson);
                }
                case DELETE -> slots.delete(in.readUTF(), in.readInt());
                case CLEAR -> slots.clear(in.readUTF());
                case RENAME -> slots.rename(in.readUTF(), in.readUTF());
                case END -> ended = true;
                default -> throw new IOException("unknown journal operation " + operation);
            }
        }
        return ended;
    }
}
