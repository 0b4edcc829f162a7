package de.efa.registry.command.municipality.web;

import de.efa.registry.kernel.common.InvalidValueException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** The charset a directory upload declares in its {@code Content-Type}, if any. */
final class DeclaredCharset {

    private DeclaredCharset() {
    }

    /** The declared charset, null if none; a charset Java does not know is a 400, not a silent guess. */
    static Charset of(HttpServletRequest request) {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType).getCharset();
        } catch (InvalidMediaTypeException | UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new InvalidValueException("Content-Type", "The charset declared in Content-Type is not one the "
                    + "registry can read; declare UTF-8 or ISO-8859-1");
        }
    }
}
