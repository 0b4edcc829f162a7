package de.efa.registry.platform.web;

import io.swagger.v3.oas.models.tags.Tag;

import java.util.List;

/**
 * The features the API document groups its operations by. Both sides tag their controllers with these names, so
 * that the standalone's document (both sides in one) reads as one API and a write sits beside the reads of the
 * same records.
 */
public final class ApiTags {

    public static final String SERVICES = "Services";
    public static final String ADOPTIONS = "Adoptions";
    public static final String COOPERATIONS = "Cooperations";
    public static final String REUSE = "Reuse";
    public static final String MUNICIPALITIES = "Municipalities";
    public static final String AUTHORITIES = "Authorities";
    public static final String FIT_CONNECT = "FIT-Connect routing";
    public static final String REGIONS = "Regions";
    public static final String LOOKUP = "Lookup";
    public static final String DASHBOARD_DATA = "Dashboard Digitale Verwaltung";
    public static final String STATISTICS = "Statistics";
    public static final String AUDIT = "Audit";
    public static final String JOBS = "Jobs";
    public static final String ADMINISTRATION = "Administration";

    /** In the order a reader meets them: what is offered, who uses it, on what legal basis, then reading it out. */
    static final List<Tag> ALL = List.of(
            tag(SERVICES, "Online services and their versions: service owners register a service, publish, deprecate "
                    + "and retire versions; everyone signed in reads the catalogue."),
            tag(ADOPTIONS, "A municipality adopts a version of a service from a date on, switches to another version or "
                    + "ends the adoption; bulk adoption covers many municipalities in one request."),
            tag(COOPERATIONS, "Agreements between states: while two states are members of one cooperation, the "
                    + "municipalities of one may adopt the other's EFA services across the border."),
            tag(REUSE, "Reuse from offer to agreement: a providing state offers an EFA service, other states declare "
                    + "interest, and an agreement proposed by one side and countersigned by the other lets the "
                    + "adopting state's municipalities use it."),
            tag(AUTHORITIES, "The authorities (Organisationseinheiten) of each state that handle applications, with "
                    + "their FIT-Connect destinations; an adoption names the one responsible in its municipality."),
            tag(MUNICIPALITIES, "The municipalities of the official directory (GV100AD) as the register holds them, with "
                    + "their current adoptions."),
            tag(REGIONS, "Germany's regions at every level of the directory: states, government regions, districts, "
                    + "municipal associations and municipalities, with their ARS, parent and population."),
            tag(LOOKUP, "Which online services one municipality offers on a date, and where to find them."),
            tag(FIT_CONNECT, "The FIT-Connect Routing API 2.0.0 under /fit-connect/v1: which authority, at which "
                    + "FIT-Connect destination, receives applications for a LeiKa key in an area; the areas; the "
                    + "version."),
            tag(DASHBOARD_DATA, "The open data interface of the Dashboard Digitale Verwaltung under /dv/v1: which OZG "
                    + "services are available in which region today, and how completely; JSON pages, CSV or XLSX."),
            tag(STATISTICS, "Coverage per state and district, the cross-border matrix, maturity and the adoption timeline "
                    + "for analysts: JSON, or CSV with Accept: text/csv."),
            tag(AUDIT, "For auditors: every stored event with its principal, the register as it stood at any instant, "
                    + "an NDJSON export and the hash-chain integrity check."),
            tag(JOBS, "Long work (a directory import, a bulk adoption) started with Prefer: respond-async and polled here."),
            tag(ADMINISTRATION, "For ADMIN: the directory import and the projections' status, rebuilds and dead letters."));

    private ApiTags() {
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
