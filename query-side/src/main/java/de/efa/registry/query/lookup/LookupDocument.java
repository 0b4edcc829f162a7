package de.efa.registry.query.lookup;

import com.mongodb.client.MongoCollection;
import org.bson.BsonBinaryReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;

import java.util.ArrayList;
import java.util.List;

/**
 * A municipality's lookup document as a reader needs it: name, state and every interval in which a version of a
 * service served it ({@link #servingOn} picks a day's).
 * <p>
 * Read as raw BSON and walked once: decoding it into a {@link Document} first would build a tree of every field only to
 * be walked again (with a million adoptions a document holds about a hundred intervals).
 */
record LookupDocument(String name, String state, List<Interval> intervals, List<AuthorityAssignment> authorities) {

    LookupDocument(String name, String state, List<Interval> intervals) {
        this(name, state, intervals, List.of());
    }

    private static final DocumentCodec OLD_FORM = new DocumentCodec();

    /** The document of {@code ags}, or null if there is none. */
    static LookupDocument read(MongoCollection<Document> municipalities, String ags) {
        RawBsonDocument raw = municipalities.withDocumentClass(RawBsonDocument.class)
                .find(new Document("_id", ags)).first();
        if (raw == null) {
            return null;
        }
        String name = null;
        String state = null;
        List<Interval> intervals = new ArrayList<>();
        List<AuthorityAssignment> authorities = new ArrayList<>();
        try (BsonBinaryReader reader = new BsonBinaryReader(raw.getByteBuffer().asNIO())) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String field = reader.readName();
                BsonType type = reader.getCurrentBsonType();
                if ("n".equals(field) && type == BsonType.STRING) {
                    name = reader.readString();
                } else if ("st".equals(field) && type == BsonType.STRING) {
                    state = reader.readString();
                } else if ("e".equals(field) && type == BsonType.ARRAY) {
                    readIntervals(reader, intervals);
                } else if ("au".equals(field) && type == BsonType.ARRAY) {
                    reader.readStartArray();
                    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                        authorities.add(AuthorityAssignment.parse(reader.readString()));
                    }
                    reader.readEndArray();
                } else {
                    reader.skipValue();
                }
            }
            reader.readEndDocument();
        }
        return new LookupDocument(name, state, java.util.Collections.unmodifiableList(intervals),
                java.util.Collections.unmodifiableList(authorities));
    }

    /** The authority responsible for an adoption on {@code day} (ISO form): the last named from that day or before. */
    String authorityOn(String adoptionId, String day) {
        String responsible = null;
        String since = null;
        for (AuthorityAssignment assignment : authorities) {
            if (assignment.adoptionId().equals(adoptionId) && !Interval.before(day, assignment.validFrom())
                    && (since == null || !Interval.before(assignment.validFrom(), since))) {
                responsible = assignment.authorityId();
                since = assignment.validFrom();
            }
        }
        return responsible;
    }

    /** The intervals serving on {@code day} (ISO form). */
    List<Interval> servingOn(String day) {
        List<Interval> serving = new ArrayList<>();
        for (Interval interval : intervals) {
            if (interval.contains(day)) {
                serving.add(interval);
            }
        }
        return serving;
    }

    /**
     * The same document with the strings many documents repeat (service ids, versions, dates) replaced by their
     * {@code canonical} instances: kept for long, a document then costs about its adoption ids only.
     */
    LookupDocument sharing(java.util.function.UnaryOperator<String> canonical) {
        List<Interval> shared = new ArrayList<>(intervals.size());
        for (Interval i : intervals) {
            shared.add(new Interval(i.adoptionId(), canonical.apply(i.serviceId()), canonical.apply(i.version()),
                    canonical.apply(i.validFrom()), i.validTo() == null ? null : canonical.apply(i.validTo())));
        }
        return new LookupDocument(name, state, java.util.Collections.unmodifiableList(shared), authorities);
    }

    /** The number of intervals, the measure of what keeping this document costs. */
    int size() {
        return intervals.size();
    }

    private static void readIntervals(BsonBinaryReader reader, List<Interval> intervals) {
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            intervals.add(reader.getCurrentBsonType() == BsonType.STRING
                    ? Interval.parse(reader.readString())
                    : Interval.of(OLD_FORM.decode(reader, DecoderContext.builder().build())));
        }
        reader.readEndArray();
    }
}
