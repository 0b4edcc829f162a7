package de.efa.registry.eventstore.verify;

/**
 * The file cannot be verified at all — missing, not NDJSON, or lines without the fields the chain needs (an export
 * from a registry before chain revision 2 lacks {@code stored}). Distinct from violations: nothing is known about the
 * chains then, neither intact nor broken.
 */
final class UnusableExport extends Exception {

    UnusableExport(String message) {
        super(message);
    }

    UnusableExport(String message, Throwable cause) {
        super(message, cause);
    }
}
