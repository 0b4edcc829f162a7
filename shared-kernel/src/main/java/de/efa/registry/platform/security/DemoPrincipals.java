package de.efa.registry.platform.security;

import de.efa.registry.kernel.municipality.StateCode;

import java.util.List;

/** The demo principals of the standalone registry (API.md); their one password comes from configuration. */
public final class DemoPrincipals {

    public record DemoPrincipal(String username, Role role, StateCode state) {
    }

    public static final List<DemoPrincipal> ALL = List.of(
            new DemoPrincipal("thueringen", Role.OWNER, StateCode.of("16")),
            new DemoPrincipal("bayern", Role.OWNER, StateCode.of("09")),
            new DemoPrincipal("niedersachsen", Role.OWNER, StateCode.of("03")),
            new DemoPrincipal("sachsen", Role.OWNER, StateCode.of("14")),
            new DemoPrincipal("auditor", Role.AUDITOR, null),
            new DemoPrincipal("analyst", Role.ANALYST, null),
            new DemoPrincipal("admin", Role.ADMIN, null));

    private DemoPrincipals() {
    }
}
