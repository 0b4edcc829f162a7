package de.efa.registry.command.municipality.directory;

import de.efa.registry.kernel.common.InvalidValueException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a directory file. A charset the client declared ({@code Content-Type: text/plain; charset=UTF-8}) is
 * taken at its word: bytes it cannot decode refuse the file. Without one, current copies are UTF-8 and older official
 * files ISO-8859-1; strict UTF-8 decoding fails on any ISO-8859-1 umlaut, so trying it first tells the two apart —
 * but a file that holds UTF-8 umlauts and one broken byte is neither: read as ISO-8859-1 its umlauts would be two
 * characters each and shift every later column (Göttingen with 20 billion inhabitants), so it is refused too.
 */
final class DirectoryText {

    private DirectoryText() {
    }

    static String decode(byte[] body) {
        return decode(body, null);
    }

    /** @param declared the charset the request declared, or null */
    static String decode(byte[] body, Charset declared) {
        if (declared != null) {
            return withoutBom(strictly(body, declared, ""));
        }
        String utf8 = decodeOrNull(body, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return withoutBom(utf8);
        }
        int umlaut = firstUtf8Sequence(body);
        if (umlaut >= 0) {
            return strictly(body, StandardCharsets.UTF_8, " (it holds UTF-8 umlauts from byte " + umlaut + " on)");
        }
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    /** The text, or a 400 naming the first byte that is not of the charset. */
    private static String strictly(byte[] body, Charset charset, String why) {
        String text = decodeOrNull(body, charset);
        if (text == null) {
            throw new InvalidValueException("body", "The file is not valid " + charset.name() + why + ": byte "
                    + firstUndecodable(body, charset) + " (counted from 0) cannot be decoded. Nothing was changed.");
        }
        return text;
    }

    private static String decodeOrNull(byte[] body, Charset charset) {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static long firstUndecodable(byte[] body, Charset charset) {
        // the decoder stops at the start of the bad input, leaving the buffer's position there
        ByteBuffer bytes = ByteBuffer.wrap(body);
        CharsetDecoder decoder = decoder(charset);
        CharBuffer chars = CharBuffer.allocate(8192);
        while (decoder.decode(bytes, chars, true).isOverflow()) {
            chars.clear();
        }
        return bytes.position();
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Where the first well-formed two-byte UTF-8 sequence of a Latin letter starts (Ä, ö, ß are C3 xx), or -1: in an
     * ISO-8859-1 German text "Ã" followed by a C1 control or a symbol like "¶" does not occur.
     */
    private static int firstUtf8Sequence(byte[] body) {
        for (int i = 0; i + 1 < body.length; i++) {
            if ((body[i] & 0xFF) == 0xC3 && (body[i + 1] & 0xC0) == 0x80) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
