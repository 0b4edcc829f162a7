package de.efa.registry.command.municipality.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * A parsed GV100AD directory: its territorial status, how many states and districts it lists, its municipalities and
 * the regions above them (states, government regions, districts, associations) in the file's order.
 */
record MunicipalityDirectory(LocalDate gebietsstand, int states, int districts, List<DirectoryEntry> municipalities,
                             List<RegionEntry> regions) {
}
