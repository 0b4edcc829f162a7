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
 * A municipality's lookup document as a reader needs it: name, state and the intervals serving on one day.
 * <p>
 * Read as raw BSON and walked once: decoding it into a {@link Document} first would build a tree of every field only to
 * be walked again, and with a million adoptions a document holds about ninety intervals of which a day needs only
 * the current ones.
 */
record LookupDocument(String name, String state, List<Interval> serving) {

    private static final DocumentCodec OLD_FORM = new DocumentCodec();

    /** The document of {@code ags} with the intervals serving on {@code day} (ISO form), or null if there is none. */
    static LookupDocument read(MongoCollection<Document> municipalities, String ags, String day) {
        RawBsonDocument raw = municipalities.withDocumentClass(RawBsonDocument.class)
                .find(new Document("_id", ags)).first();
        if (raw == null) {
            return null;
        }
        String name = null;
        String state = null;
        List<Interval> serving = new ArrayList<>();
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
                    readServing(reader, day, serving);
                } else {
                    reader.skipValue();
                }
            }
            reader.readEndDocument();
        }
        return new LookupDocument(name, state, serving);
    }

    private static void readServing(BsonBinaryReader reader, String day, List<Interval> serving) {
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            Interval interval = reader.getCurrentBsonType() == BsonType.STRING
                    ? Interval.parse(reader.readString())
                    : Interval.of(OLD_FORM.decode(reader, DecoderContext.builder().build()));
            if (interval.contains(day)) {
                serving.add(interval);
            }
        }
        reader.readEndArray();
    }
}
