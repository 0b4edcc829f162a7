package de.efa.registry.command.municipality.directory;

import java.time.LocalDate;
import java.util.List;

/** A parsed GV100AD directory: its territorial status, how many states and districts it lists, its municipalities. */
record MunicipalityDirectory(LocalDate gebietsstand, int states, int districts, List<DirectoryEntry> municipalities) {
}
