package de.efa.registry.command.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import de.efa.registry.kernel.common.MintedId;
import de.efa.registry.kernel.common.Uuids;

/** Identifies one job (a UUID the registry mints when it accepts long work). */
public final class JobId extends MintedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public JobId(String value) {
        super(value, "jobId");
    }

    public static JobId of(String value) {
        return new JobId(value);
    }

    public static JobId random() {
        return new JobId(Uuids.random());
    }
}
