package de.efa.registry.query.projection;

/**
 * For tests that apply events to a projection directly: nothing is parked as a dead letter, and any failure fails
 * the test at once instead of hiding in a queue.
 */
final class NoFailuresExpected implements Projection.Failures {

    static final Projection.Failures INSTANCE = new NoFailuresExpected();

    private NoFailuresExpected() {
    }

    @Override
    public boolean isBlocked(String aggregateId) {
        return false;
    }

    @Override
    public void failed(ProjectedEvent event, String aggregateId, Throwable cause) {
        throw new AssertionError("event " + event + " failed", cause);
    }
}
