package de.efa.registry.kernel.authority;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.common.ValueObjects;

import java.util.regex.Pattern;

/**
 * The signed addressing information of a FIT-Connect destination, as the authority's service portal published it: a
 * JWS (RFC 7515) in compact form — header, payload and signature, each base64url without padding, joined by dots. The
 * registry passes it on to routing clients, who verify it themselves; it checks only the form.
 */
public record DestinationSignature(String value) {

    /** Real signatures (RSA 4096, PS512) run to about 2,000 characters; far more is no signature but a payload. */
    public static final int MAX_LENGTH = 8_000;
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DestinationSignature {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("destinationSignature", "destinationSignature is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("destinationSignature",
                    "destinationSignature must be at most " + MAX_LENGTH + " characters");
        }
        if (!COMPACT_JWS.matcher(value).matches()) {
            throw new InvalidValueException("destinationSignature", "destinationSignature must be a JWS in compact "
                    + "form (three base64url parts joined by dots), got '" + ValueObjects.abbreviate(value) + "'");
        }
    }

    public static DestinationSignature of(String value) {
        return new DestinationSignature(value);
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
