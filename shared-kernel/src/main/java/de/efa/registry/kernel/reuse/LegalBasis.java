package de.efa.registry.kernel.reuse;

/**
 * The instrument through which one state reuses another's service: the FIT-Store's standard contract, a listing on
 * the EfA-Marktplatz, or an administrative agreement (Verwaltungsvereinbarung) between the two states.
 */
public enum LegalBasis {
    FIT_STORE,
    EFA_MARKTPLATZ,
    ADMINISTRATIVE_AGREEMENT
}
