package de.efa.registry.query.audit;

import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads the event history for auditors: pages by position, whole aggregates, and everything for the export. */
@Component
class EventHistory {

    /**
     * How many positions one page may look at before it answers with what it found: a filter that matches rarely
     * must not turn one request into a scan of the whole log. The client continues with {@code next}.
     */
    static final long SCAN_BUDGET = 200_000;

    private final StoredEventLog log;
    private final AggregateStream streams;
    private final CurrentRevision currentRevision;
    private final AuditedEvents views;

    EventHistory(StoredEventLog log, AggregateStream streams, CurrentRevision currentRevision, AuditedEvents views) {
        this.log = log;
        this.streams = streams;
        this.currentRevision = currentRevision;
        this.views = views;
    }

    EventPage page(long after, int limit, EventFilter filter) {
        if (filter.aggregateId() != null) {
            return aggregatePage(after, limit, filter);
        }
        List<AuditedEvent> events = new ArrayList<>(limit);
        StoredEventLog.Scan scan = log.scan(after, SCAN_BUDGET, null, stored -> {
            visit(stored, filter, events::add);
            return events.size() < limit;
        });
        return new EventPage(events, scan.atEnd() ? null : scan.scannedTo());
    }

    /** An aggregate's events are found by stream key, not by scanning the log for its id. */
    private EventPage aggregatePage(long after, int limit, EventFilter filter) {
        List<Document> stream = new ArrayList<>(streams.events(filter.aggregateId()));
        stream.removeIf(stored -> StoredEventLog.position(stored) <= after);
        stream.sort(Comparator.comparingLong(StoredEventLog::position));
        List<AuditedEvent> events = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            if (events.size() == limit) {
                return new EventPage(events, events.get(limit - 1).position());
            }
            visit(stream.get(i), filter, events::add);
        }
        return new EventPage(events, null);
    }

    /**
     * Every event in position order, handed over one by one (the export streams them out as they come), each with
     * its stored form for offline verification.
     */
    void each(EventFilter filter, java.util.function.Consumer<AuditedEvent> consumer) {
        log.scan(0, Long.MAX_VALUE, null, stored -> {
            if (filter.matchesStored(stored)) {
                CurrentRevision.UpcastEvent event = currentRevision.of(stored);
                if (filter.matchesType(event.typeName())) {
                    consumer.accept(views.exported(stored, event));
                }
            }
            return true;
        });
    }

    /** @return the aggregate's history in sequence order, empty when unknown */
    List<AuditedEvent> aggregate(String aggregateId) {
        return streams.events(aggregateId).stream().map(views::view).toList();
    }

    private void visit(Document stored, EventFilter filter, java.util.function.Consumer<AuditedEvent> consumer) {
        if (!filter.matchesStored(stored)) {
            return;
        }
        CurrentRevision.UpcastEvent event = currentRevision.of(stored);
        if (filter.matchesType(event.typeName())) {
            consumer.accept(views.view(stored, event));
        }
    }
}
