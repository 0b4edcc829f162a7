package de.efa.registry.platform.web;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What exactly was wrong with a body or a parameter the registry could not read, in words a client can act on:
 * "has the wrong type" leaves a client guessing which words a field takes, "not well-formed JSON" which part of a
 * well-formed-looking body was refused. Jackson's own messages name Java classes, so they are never passed on.
 */
final class ReadingMistakes {

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

    private ReadingMistakes() {
    }

    /** For a field or parameter of an enum type: the words it takes, e.g. "must be one of EFA, STATE_ONLY". */
    static Optional<String> allowedValues(Class<?> target) {
        if (target == null || !target.isEnum()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", ", "must be one of ", "")));
    }

    /** The allowed words, when Jackson refused a value for an enum field. */
    static Optional<String> allowedValues(Throwable failure) {
        if (failure instanceof InvalidFormatException invalid) {
            return allowedValues(invalid.getTargetType());
        }
        return Optional.empty();
    }

    /**
     * A body that is JSON but says two things at once: a field named twice, or a second value after the first
     * (which of the two a reader takes differs from reader to reader).
     */
    static Optional<String> ambiguousBody(Throwable failure) {
        if (failure instanceof StreamReadException read && read.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(read.getOriginalMessage());
            if (duplicate.find()) {
                String field = duplicate.group(1);
                // the name is the client's own text: shown, but not at any length
                String shown = field.length() > 100 ? field.substring(0, 100) + "…" : field;
                return Optional.of("The request body names the field '" + shown + "' more than once; name every field once");
            }
        }
        if (failure instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return Optional.of("The request body holds more than one JSON value; send exactly one");
        }
        return Optional.empty();
    }
}
