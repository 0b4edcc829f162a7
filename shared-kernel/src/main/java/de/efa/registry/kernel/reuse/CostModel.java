package de.efa.registry.kernel.reuse;

/** What an adopting state pays for reusing a service: nothing, a share of the running costs, or a licence fee. */
public enum CostModel {
    FREE,
    COST_SHARING,
    LICENCE
}
