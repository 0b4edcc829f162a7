package de.efa.registry.query.audit;

import de.efa.registry.kernel.common.InvalidValueException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Instants in audit parameters: ISO-8601 UTC ({@code 2024-05-01T12:00:00Z}), or a date meaning its start in UTC. */
final class AuditInstant {

    private AuditInstant() {
    }

    static Instant parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new InvalidValueException(field, field + " must be an ISO-8601 instant (e.g. 2024-05-01T12:00:00Z) or a date");
            }
        }
    }
}
