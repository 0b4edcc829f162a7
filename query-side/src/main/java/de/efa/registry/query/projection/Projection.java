package de.efa.registry.query.projection;

import java.util.List;

/** A read model the registry builds from the event stream, in collections of its own that a rebuild can replace. */
public interface Projection {

    /** The projection's name, also the stem of its processors' and collections' names. */
    String name();

    /**
     * The shape of the projection's documents. A version is built in one layout and only ever fed by code of that
     * layout: when the code's layout differs from the serving version's, the serving version is kept for readers but
     * no longer fed, and a rebuild in the code's layout starts on its own (see {@link ProjectionManager}).
     */
    default int layout() {
        return 1;
    }

    /** Whether an event of this payload type changes the projection; others are passed over without reading them. */
    boolean handles(Class<?> payloadType);

    /** Creates the unique indexes of a fresh version. */
    default void prepare(ProjectionStore store) {
    }

    /**
     * Applies a batch of events in position order. Must be idempotent: events at or below a document's recorded
     * position are skipped. Events that fail go to {@code failures}, with every later event of their aggregate.
     */
    void apply(List<ProjectedEvent> events, ProjectionStore store, Failures failures);

    /** Where a projection reports events it could not apply, and learns which aggregates wait on earlier failures. */
    interface Failures {

        boolean isBlocked(String aggregateId);

        void failed(ProjectedEvent event, String aggregateId, Throwable cause);

        /** The event was applied; a retried dead letter leaves the queue. */
        default void applied(ProjectedEvent event, String aggregateId) {
        }
    }
}
