package de.efa.registry.command.municipality.directory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a directory file: current copies are UTF-8, older official files ISO-8859-1. Strict UTF-8 decoding fails on
 * any ISO-8859-1 umlaut, so trying it first tells the two apart.
 */
final class DirectoryText {

    private DirectoryText() {
    }

    static String decode(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }
}
