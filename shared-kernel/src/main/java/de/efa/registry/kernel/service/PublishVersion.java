package de.efa.registry.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Publish a new, strictly higher version of a service, its maturity a level of the model it names (the first model
 * when it names none). A level the model does not have is refused here, where the command is made.
 */
public record PublishVersion(@TargetAggregateIdentifier ServiceId serviceId, ServiceVersion version,
                             MaturityLevel maturityLevel, MaturityModel maturityModel, LocalDate releasedOn, String url) {

    public PublishVersion {
        if (maturityModel == null) {
            maturityModel = MaturityModel.FIRST;
        }
        if (maturityLevel != null) {
            maturityModel.requireLevel(maturityLevel);
        }
    }

    /** A version whose level is one of the first model's (OZG-1.0). */
    public PublishVersion(ServiceId serviceId, ServiceVersion version, MaturityLevel maturityLevel, LocalDate releasedOn,
                          String url) {
        this(serviceId, version, maturityLevel, MaturityModel.FIRST, releasedOn, url);
    }
}
