package de.efa.registry.eventstore;

import org.bson.Document;

/**
 * Who did it, as the hash chain covers it from {@link ChainRevision#WITH_ATTRIBUTION} on: the principal the command
 * side stamped on the command (a person, or {@code system} for processes), the correlation id of the whole exchange
 * and the causation id of the message that directly caused the event — the metadata keys the platform writes.
 * <p>
 * Each value is what the audit API and the export show: the stored metadata value's text, or null when the event
 * carries none. The hash renders a value as a JSON string literal (escaped like the canonical payload) and an absent
 * one as the bare word {@code null}, so that an absent principal differs from an empty one and no value can contain
 * the line separator between the parts of the hash input.
 */
public record Attribution(String principal, String correlationId, String causationId) {

    /** Metadata keys, as {@code RegistryMetaData} in the shared kernel names them (the event store depends on no kernel). */
    public static final String PRINCIPAL = "principal";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    /** An event without any of the three (e.g. appended by a test or a tool without metadata). */
    public static final Attribution NONE = new Attribution(null, null, null);

    /** @param metaData the stored metadata document, or null */
    public static Attribution of(Document metaData) {
        if (metaData == null) {
            return NONE;
        }
        return new Attribution(text(metaData.get(PRINCIPAL)), text(metaData.get(CORRELATION_ID)),
                text(metaData.get(CAUSATION_ID)));
    }

    /** Appends the three values, each on a line of its own after a line separator. */
    void appendTo(StringBuilder input) {
        append(principal, input);
        append(correlationId, input);
        append(causationId, input);
    }

    private static void append(String value, StringBuilder input) {
        input.append('\n');
        if (value == null) {
            input.append("null");
        } else {
            CanonicalJson.string(value, input);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
