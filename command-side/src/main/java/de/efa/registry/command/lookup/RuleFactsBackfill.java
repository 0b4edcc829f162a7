package de.efa.registry.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Brings the rule facts written by older folds up to the current {@link RuleFactFolds#LAYOUT} when the command side
 * starts: each such service or cooperation document is folded again from its aggregate's events and replaced —
 * only if no event was applied to it meanwhile (compare-and-set on its sequence number; otherwise it is folded
 * again). The replacement holds the same events as the document it replaces, so no rule ever sees facts go back in
 * time. Services and cooperations are few (hundreds), so this is quick; an up-to-date lookup costs one query each.
 */
@Component
class RuleFactsBackfill {

    private static final Logger log = LoggerFactory.getLogger(RuleFactsBackfill.class);
    private static final int ATTEMPTS = 20;

    private final WriteLookupCollections collections;
    private final EventStore eventStore;
    private final FactChanges factChanges;

    RuleFactsBackfill(WriteLookupCollections collections, EventStore eventStore) {
        this.collections = collections;
        this.eventStore = eventStore;
        this.factChanges = new FactChanges(collections);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        int rebuilt = backfill(collections.services(), RuleFactFolds::service)
                + backfill(collections.cooperations(), RuleFactFolds::cooperation)
                + backfill(collections.authorities(), RuleFactFolds::authority)
                + backfill(collections.agreements(), RuleFactFolds::agreement);
        if (rebuilt > 0) {
            factChanges.changed();
            log.info("Rebuilt {} rule-fact documents of the write-side lookup in layout {}", rebuilt, RuleFactFolds.LAYOUT);
        }
    }

    /** @return how many documents were rebuilt */
    int backfill(MongoCollection<Document> facts, BiFunction<Document, Object, Document> fold) {
        List<String> outdated = new ArrayList<>();
        facts.find(Filters.or(Filters.exists(RuleFactFolds.LAYOUT_FIELD, false),
                        Filters.lt(RuleFactFolds.LAYOUT_FIELD, RuleFactFolds.LAYOUT)))
                .forEach(d -> outdated.add(d.getString("_id")));
        for (String aggregateId : outdated) {
            rebuild(facts, aggregateId, fold);
        }
        return outdated.size();
    }

    private void rebuild(MongoCollection<Document> facts, String aggregateId, BiFunction<Document, Object, Document> fold) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = facts.find(new Document("_id", aggregateId)).first();
            if (stored == null) {
                return;
            }
            long seq = stored.get(VersionedDocuments.SEQ, Number.class).longValue();
            Document rebuilt = foldHistory(aggregateId, seq, fold);
            if (rebuilt == null) {
                return;
            }
            rebuilt.put("_id", aggregateId);
            rebuilt.put(VersionedDocuments.SEQ, seq);
            if (facts.replaceOne(new Document("_id", aggregateId).append(VersionedDocuments.SEQ, seq), rebuilt)
                    .getMatchedCount() == 1) {
                return;
            }
        }
        throw new IllegalStateException("rule facts of " + aggregateId + " kept changing under " + ATTEMPTS + " attempts");
    }

    /** The aggregate's events up to {@code lastSeq}, from the first on: the snapshot holds the aggregate, not facts. */
    private Document foldHistory(String aggregateId, long lastSeq, BiFunction<Document, Object, Document> fold) {
        Document document = null;
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getSequenceNumber() > lastSeq) {
                break;
            }
            Document next = fold.apply(document == null ? null : new Document(document), event.getPayload());
            if (next != null) {
                document = next;
            }
        }
        return document;
    }
}
