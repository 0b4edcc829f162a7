package de.efa.registry.platform.security;

import de.efa.registry.kernel.municipality.StateCode;

import java.util.List;

/** The demo principals of the standalone registry (docs/api.md); their one password comes from configuration. */
public final class DemoPrincipals {

    public record DemoPrincipal(String username, Role role, StateCode state) {
    }

    public static final List<DemoPrincipal> ALL = List.of(
            new DemoPrincipal("thueringen", Role.OWNER, StateCode.of("16")),
            new DemoPrincipal("bayern", Role.OWNER, StateCode.of("09")),
            new DemoPrincipal("niedersachsen", Role.OWNER, StateCode.of("03")),
            new DemoPrincipal("sachsen", Role.OWNER, StateCode.of("14")),
            // an owner for every other state too, so that the Germany seed acts for each state in its own name
            new DemoPrincipal("schleswig-holstein", Role.OWNER, StateCode.of("01")),
            new DemoPrincipal("hamburg", Role.OWNER, StateCode.of("02")),
            new DemoPrincipal("bremen", Role.OWNER, StateCode.of("04")),
            new DemoPrincipal("nordrhein-westfalen", Role.OWNER, StateCode.of("05")),
            new DemoPrincipal("hessen", Role.OWNER, StateCode.of("06")),
            new DemoPrincipal("rheinland-pfalz", Role.OWNER, StateCode.of("07")),
            new DemoPrincipal("baden-wuerttemberg", Role.OWNER, StateCode.of("08")),
            new DemoPrincipal("saarland", Role.OWNER, StateCode.of("10")),
            new DemoPrincipal("berlin", Role.OWNER, StateCode.of("11")),
            new DemoPrincipal("brandenburg", Role.OWNER, StateCode.of("12")),
            new DemoPrincipal("mecklenburg-vorpommern", Role.OWNER, StateCode.of("13")),
            new DemoPrincipal("sachsen-anhalt", Role.OWNER, StateCode.of("15")),
            new DemoPrincipal("auditor", Role.AUDITOR, null),
            new DemoPrincipal("analyst", Role.ANALYST, null),
            new DemoPrincipal("admin", Role.ADMIN, null));

    private DemoPrincipals() {
    }

    /** The demo principal that owns a state's services and municipalities. */
    public static String ownerOf(StateCode state) {
        return ALL.stream().filter(p -> p.role() == Role.OWNER && state.equals(p.state())).map(DemoPrincipal::username)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no demo owner for state " + state));
    }
}
