package de.efa.registry.command.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.Uuids;

/** Identifies one job (a UUID the registry mints when it accepts long work). */
public record JobId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public JobId {
        value = Uuids.require(value, "jobId");
    }

    public static JobId of(String value) {
        return new JobId(value);
    }

    public static JobId random() {
        return new JobId(Uuids.random());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
