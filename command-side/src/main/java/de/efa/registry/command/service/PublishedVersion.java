package de.efa.registry.command.service;

import de.efa.registry.kernel.service.VersionStatus;

import java.time.LocalDate;

/** What a service remembers of each of its versions to guard the lifecycle. */
record PublishedVersion(VersionStatus status, LocalDate releasedOn) {

    PublishedVersion withStatus(VersionStatus next) {
        return new PublishedVersion(next, releasedOn);
    }
}
