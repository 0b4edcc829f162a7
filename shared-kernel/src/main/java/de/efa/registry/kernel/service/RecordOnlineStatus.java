package de.efa.registry.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record what a check of a version's URL saw. The service records it as {@link VersionOnlineStatusChanged} only when
 * the status differs from the last one recorded for that version; its handler answers whether it did.
 */
public record RecordOnlineStatus(@TargetAggregateIdentifier ServiceId serviceId, ServiceVersion version,
                                 OnlineStatus status, Instant checkedAt, String checkedBy, String detail) {
}
