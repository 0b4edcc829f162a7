package de.efa.registry.kernel.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.common.ValueObjects;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version {@code MAJOR.MINOR.PATCH}; versions of one service strictly increase. */
public record ServiceVersion(int major, int minor, int patch) implements Comparable<ServiceVersion> {

    private static final Pattern SEMVER = Pattern.compile("(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})");
    private static final Comparator<ServiceVersion> ORDER = Comparator.comparingInt(ServiceVersion::major)
            .thenComparingInt(ServiceVersion::minor).thenComparingInt(ServiceVersion::patch);

    // only ever read from its text form: as a JSON object ({"$gt": ""}) it must not become 0.0.0
    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public ServiceVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new InvalidValueException("version parts must not be negative");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ServiceVersion parse(String text) {
        if (text == null) {
            throw new InvalidValueException("version is required");
        }
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            throw new InvalidValueException("version must be MAJOR.MINOR.PATCH, got '" + ValueObjects.abbreviate(text) + "'");
        }
        return new ServiceVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    public boolean isHigherThan(ServiceVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(ServiceVersion other) {
        return ORDER.compare(this, other);
    }

    @JsonValue
    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
