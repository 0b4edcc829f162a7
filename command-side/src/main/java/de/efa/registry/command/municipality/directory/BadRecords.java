package de.efa.registry.command.municipality.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * The bad records of one file as the parser finds them: it reads on after the first, so that one answer names every
 * record to fix — but keeps only the first {@link #SHOWN}: a file of 100,000 bad lines must not become an answer of
 * megabytes.
 */
final class BadRecords {

    static final int SHOWN = 20;

    private final List<DirectoryRefused.BadRecord> shown = new ArrayList<>();
    private int total;

    void add(int line, String reason) {
        total++;
        if (shown.size() < SHOWN) {
            shown.add(new DirectoryRefused.BadRecord(line, reason));
        }
    }

    /** Refuses the file if any record was bad. */
    void refuseIfAny() {
        if (total > 0) {
            throw new DirectoryRefused(shown, total);
        }
    }
}
