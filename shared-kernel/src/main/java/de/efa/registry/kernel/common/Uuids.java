package de.efa.registry.kernel.common;

import java.util.UUID;
import java.util.regex.Pattern;

/** Aggregate identifiers minted by the registry are lower-case UUIDs; anything else is refused at the door. */
public final class Uuids {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Uuids() {
    }

    public static String require(String value, String what) {
        if (value == null) {
            throw new InvalidValueException(what + " is required");
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new InvalidValueException(what + " must be a UUID, got '" + ValueObjects.abbreviate(value) + "'");
        }
        return value;
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }
}
