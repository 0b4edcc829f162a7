package de.efa.registry.command.service;

import de.efa.registry.kernel.service.OnlineStatus;
import de.efa.registry.kernel.service.VersionStatus;

import java.time.LocalDate;

/**
 * What a service remembers of each of its versions to guard the lifecycle, and the online status recorded last
 * (null before the first check), so that only a change is recorded.
 */
record PublishedVersion(VersionStatus status, LocalDate releasedOn, OnlineStatus onlineStatus) {

    PublishedVersion withStatus(VersionStatus next) {
        return new PublishedVersion(next, releasedOn, onlineStatus);
    }

    PublishedVersion withOnlineStatus(OnlineStatus next) {
        return new PublishedVersion(status, releasedOn, next);
    }
}
