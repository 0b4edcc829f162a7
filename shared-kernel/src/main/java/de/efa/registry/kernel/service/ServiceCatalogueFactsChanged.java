package de.efa.registry.kernel.service;

/**
 * What the federal catalogues say about a service, as its owner recorded it at registration or later: the OZG
 * catalogue's number and name ({@code ozgId}, {@code ozgName}), the LeiKa catalogue's name ({@code leikaName}), the
 * LeiKa typisation 1–10 ({@code typisierung}), and whether the Dashboard Digitale Verwaltung counts the service
 * ({@code evaluated}; {@code false} reads there as "nicht in Auswertung berücksichtigt"). Each event carries the whole
 * set; a null field is not known. Recorded only when something changed.
 */
public record ServiceCatalogueFactsChanged(ServiceId serviceId, Integer ozgId, String ozgName, String leikaName,
                                           Integer typisierung, boolean evaluated) {
}
