package de.efa.registry.command.job;

/** What a job does: the two requests that send one command per municipality. */
public enum JobKind {
    MUNICIPALITY_IMPORT,
    BULK_ADOPTION
}
