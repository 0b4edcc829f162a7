package de.efa.registry.kernel.service;

import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.common.ValueObjects;

/**
 * What the federal catalogues say about a service: the OZG catalogue's number and name, the LeiKa catalogue's name of
 * the service and its typisation (Typisierung 1–10: who regulates and who carries it out, from the federation alone
 * to the municipalities alone), and whether the Dashboard Digitale Verwaltung counts the service at all. Every part is
 * optional but {@code evaluated}, which is true unless an owner says otherwise.
 */
public record CatalogueFacts(Integer ozgId, String ozgName, String leikaName, Integer typisierung, boolean evaluated) {

    /** What a service has before anyone recorded its catalogue facts. */
    public static final CatalogueFacts NONE = new CatalogueFacts(null, null, null, null, true);

    public static final int MAX_OZG_ID = 999_999;
    public static final int MAX_NAME_LENGTH = 300;

    public CatalogueFacts {
        if (ozgId != null && (ozgId < 1 || ozgId > MAX_OZG_ID)) {
            throw new InvalidValueException("ozgId must be a number from 1 to " + MAX_OZG_ID + ", got " + ozgId);
        }
        if (typisierung != null && (typisierung < 1 || typisierung > 10)) {
            throw new InvalidValueException("typisierung must be from 1 to 10, got " + typisierung);
        }
        ozgName = ValueObjects.optionalText(ozgName, MAX_NAME_LENGTH, "ozgName");
        leikaName = ValueObjects.optionalText(leikaName, MAX_NAME_LENGTH, "leikaName");
    }

    public static CatalogueFacts of(ServiceCatalogueFactsChanged event) {
        return new CatalogueFacts(event.ozgId(), event.ozgName(), event.leikaName(), event.typisierung(), event.evaluated());
    }

    public ServiceCatalogueFactsChanged changeOf(ServiceId serviceId) {
        return new ServiceCatalogueFactsChanged(serviceId, ozgId, ozgName, leikaName, typisierung, evaluated);
    }
}
