package de.efa.registry.kernel.service;

import java.time.Instant;

/**
 * A version's URL began or stopped answering. Recorded only when the status changes (the first check records it
 * too), by the link checker ({@code checkedBy = "link-checker"}) or by an owner through the API
 * ({@code checkedBy = "owner"}); {@code detail} says what was seen (an HTTP status, a timeout), or is null.
 */
public record VersionOnlineStatusChanged(ServiceId serviceId, ServiceVersion version, OnlineStatus status,
                                         Instant checkedAt, String checkedBy, String detail) {
}
