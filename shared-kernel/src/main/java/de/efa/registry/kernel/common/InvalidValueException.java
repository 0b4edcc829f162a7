package de.efa.registry.kernel.common;

/** A value object refused its input; the web layer answers it with a 400 problem. */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String message) {
        this(null, message);
    }

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
