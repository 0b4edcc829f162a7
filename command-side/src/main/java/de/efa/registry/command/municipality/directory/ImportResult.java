package de.efa.registry.command.municipality.directory;

import java.time.LocalDate;

/** The answer of a directory import: what the file holds and what the register did with it. */
public record ImportResult(LocalDate gebietsstand, int states, int districts, int municipalities,
                           int added, int changed, int dissolved, int unchanged) {
}
