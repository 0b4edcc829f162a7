package de.efa.registry.query.consistency;

import de.efa.registry.query.projection.ProjectionManager;
import org.springframework.stereotype.Component;

/** Whether the serving versions of all projections have processed a global position (read-your-writes). */
@Component
public class ProjectionProgress {

    private final ProjectionManager projections;

    public ProjectionProgress(ProjectionManager projections) {
        this.projections = projections;
    }

    public boolean hasProcessed(long position) {
        return projections.hasProcessed(position);
    }
}
