package de.efa.registry.command.job;

/** A job runs until it is done or has failed; neither of the two ends changes again. */
public enum JobState {
    RUNNING,
    DONE,
    FAILED
}
