package de.efa.registry.query.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Whether the query side's projections have processed a given global position (read-your-writes). */
@Component
public class ProjectionProgress {

    private final EventProcessingConfiguration processing;

    public ProjectionProgress(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** @return true when every segment of every streaming processor has handled {@code position} */
    public boolean hasProcessed(long position) {
        for (StreamingEventProcessor processor : streamingProcessors()) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty() && processor.isRunning()) {
                return false;
            }
            for (EventTrackerStatus segment : status.values()) {
                if (!covers(segment.getTrackingToken(), position)) {
                    return false;
                }
            }
        }
        return true;
    }

    public List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    static boolean covers(TrackingToken token, long position) {
        if (position <= 0) {
            return true;
        }
        if (token == null) {
            return false;
        }
        GapAwareTrackingToken gapAware = (GapAwareTrackingToken) unwrap(token);
        return gapAware != null && gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
    }

    private static TrackingToken unwrap(TrackingToken token) {
        return org.axonframework.eventhandling.WrappedToken.unwrapLowerBound(token);
    }
}
