package de.efa.registry.command.municipality.directory;

import java.util.List;

/**
 * A directory file refused as a whole: a register half brought to a file with bad records would be neither the old
 * directory nor the new one. Names the bad records by line (the first {@link BadRecords#SHOWN}) and how many more
 * there are, so that whoever prepared the file can fix them all in one go.
 */
public final class DirectoryRefused extends RuntimeException {

    /** One bad record: its line in the file (1-based) and what is wrong with it. */
    public record BadRecord(int line, String reason) {
    }

    private final List<BadRecord> shown;
    private final int total;

    DirectoryRefused(List<BadRecord> shown, int total) {
        super(detail(shown.size(), total));
        this.shown = List.copyOf(shown);
        this.total = total;
    }

    /** The first bad records, in the order of the file. */
    public List<BadRecord> shown() {
        return shown;
    }

    /** How many bad records the file holds in all. */
    public int total() {
        return total;
    }

    private static String detail(int shown, int total) {
        String more = total > shown ? " (the first " + shown + " are listed in errors, " + (total - shown) + " more are not)"
                : total == 1 ? " (listed in errors)" : " (all listed in errors)";
        return "The directory file was refused as a whole: " + total + (total == 1 ? " record is" : " records are")
                + " invalid" + more + ". Nothing was changed.";
    }
}
