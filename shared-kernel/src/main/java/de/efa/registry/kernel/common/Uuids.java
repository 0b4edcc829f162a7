package de.efa.registry.kernel.common;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Aggregate identifiers minted by the registry are lower-case UUIDs. A UUID's hex digits are case-insensitive, so an id
 * written in capitals names the same record: it is taken in lower case. Anything else is refused at the door.
 */
public final class Uuids {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** @return the UUID in lower case, the form every stored id has */
    public static String require(String value, String what) {
        if (value == null) {
            throw new InvalidValueException(what + " is required");
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new InvalidValueException(what + " must be a UUID, got '" + ValueObjects.abbreviate(value) + "'");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }
}
