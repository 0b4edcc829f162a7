package de.efa.registry.kernel.common;

import java.util.regex.Pattern;

/**
 * Validation shared by the key value objects. Each key validates in its own constructor, so an invalid key can
 * never travel through a command, an event or a query.
 */
public final class ValueObjects {

    private ValueObjects() {
    }

    public static String requireDigits(String value, int length, String what) {
        if (value == null) {
            throw new InvalidValueException(what + " is required");
        }
        if (value.length() != length || !DIGITS.matcher(value).matches()) {
            throw new InvalidValueException(what + " must be exactly " + length + " digits, got '" + abbreviate(value) + "'");
        }
        return value;
    }

    public static String requireText(String value, int maxLength, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(what + " is required");
        }
        if (value.length() > maxLength) {
            throw new InvalidValueException(what + " must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    public static String optionalText(String value, int maxLength, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return requireText(value, maxLength, what);
    }

    /** Never echo a hostile or huge input back whole. */
    public static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
}
