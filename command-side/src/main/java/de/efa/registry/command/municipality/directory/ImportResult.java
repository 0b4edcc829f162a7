package de.efa.registry.command.municipality.directory;

import java.time.LocalDate;

/**
 * The answer of a directory import: what the file holds and what the register did with it. The counts at the top are
 * the municipalities'; {@code regions} those of the regions above them.
 */
public record ImportResult(LocalDate gebietsstand, int states, int districts, int municipalities,
                           int added, int changed, int dissolved, int unchanged, Regions regions) {

    /**
     * The states, government regions, districts and associations of the file and what the register did with them.
     *
     * @param listed how many the file lists
     */
    public record Regions(int listed, int added, int changed, int dissolved, int unchanged) {
    }
}
