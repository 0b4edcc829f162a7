package de.efa.registry.command.web;

import de.efa.registry.eventstore.AppendedPositions;
import de.efa.registry.platform.web.RegistryHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.function.Supplier;

/**
 * Runs a command on the request thread and answers with {@code Registry-Position}: the global position of the last
 * event the command stored, so the client can read its own write from the query side.
 */
public final class CommandResponses {

    private CommandResponses() {
    }

    public static <T> ResponseEntity<T> execute(HttpStatus status, Supplier<T> command) {
        AppendedPositions.reset();
        try {
            T body = command.get();
            return ResponseEntity.status(status).header(RegistryHeaders.POSITION, Long.toString(AppendedPositions.last())).body(body);
        } finally {
            AppendedPositions.reset();
        }
    }
}
