package de.efa.registry.eventstore;

import org.bson.Document;

import java.util.List;
import java.util.Map;

/**
 * The canonical payload text of the hash chain — a BSON document as relaxed extended JSON, exactly as
 * {@code Document.toJson(EventDocument.JSON)} writes it — for the value types that payloads parsed from JSON hold
 * (documents, lists, strings, booleans, 32/64-bit integers, finite doubles, null).
 * <p>
 * Why not just {@code toJson}: it goes through the driver's codec registry and writer state machine for every value,
 * and was a fifth of an append's own CPU. Stored hashes must stay verifiable, so this writes the very same text:
 * {@code CanonicalJsonTest} compares both on every character and on generated documents. Any other type
 * (dates, ids, binaries from documents written elsewhere) makes it answer null, and the caller uses {@code toJson}.
 */
final class CanonicalJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** @return the canonical text, or null when the document holds a type this writer does not know */
    static String of(Document document) {
        StringBuilder out = new StringBuilder(256);
        return document(document, out) ? out.toString() : null;
    }

    /**
     * Writes the canonical text onto {@code out} (the hash input, without a copy of its own).
     *
     * @return false when the document holds a type this writer does not know; {@code out} then holds a partial text
     * the caller must cut off
     */
    static boolean appendTo(Document document, StringBuilder out) {
        return document(document, out);
    }

    private static boolean document(Map<String, Object> document, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            string(field.getKey(), out);
            out.append(": ");
            if (!value(field.getValue(), out)) {
                return false;
            }
        }
        out.append('}');
        return true;
    }

    @SuppressWarnings("unchecked")
    private static boolean value(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return false;
            }
            out.append(d.doubleValue());
        } else if (value instanceof Document d) {
            return document(d, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                if (!value(list.get(i), out)) {
                    return false;
                }
            }
            out.append(']');
        } else {
            return false;
        }
        return true;
    }

    /** A JSON string literal, escaped as the driver's JSON writer escapes it. */
    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (printable(c)) {
                        out.append(c);
                    } else {
                        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The character classes the driver's JSON writer leaves as they are (everything else it writes as \\uXXXX). */
    private static boolean printable(char c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
                 Character.OTHER_NUMBER, Character.SPACE_SEPARATOR, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
