package de.efa.registry.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

/**
 * A counter that moves whenever the lookup's services, cooperations or authorities change, in this instance or any other: the
 * mark by which {@link MongoWriteLookup} knows its cached rule facts are current. It moves <em>after</em> the lookup
 * document is written, so facts read after seeing a mark are at least as new as that mark; the repair processor
 * moves it again for every service and cooperation event it handles, so a move lost with a process that died between
 * the document write and the move is made moments later — just as the document itself is repaired.
 */
final class FactChanges {

    private static final String ID = "services-and-cooperations";
    private static final String COUNT = "changes";

    private final MongoCollection<Document> marks;
    /** Concurrent commands share a read of the mark, each begun after its commands asked ({@link SharedFreshRead}). */
    private final SharedFreshRead read = new SharedFreshRead(this::read);

    FactChanges(WriteLookupCollections collections) {
        this.marks = collections.factChanges();
    }

    /** The mark as stored after this call began: every move made before it is seen. */
    long current() {
        return read.get();
    }

    private long read() {
        Document mark = marks.find(new Document("_id", ID)).first();
        return mark == null ? 0L : mark.get(COUNT, Number.class).longValue();
    }

    void changed() {
        marks.updateOne(new Document("_id", ID), new Document("$inc", new Document(COUNT, 1L)), new UpdateOptions().upsert(true));
    }
}
