package de.efa.registry.query.fitconnect;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.platform.web.ProblemTypes;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.municipality.MunicipalityDirectory;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.register.Authority;
import de.efa.registry.query.register.AuthorityAssignment;
import de.efa.registry.query.register.Municipality;
import de.efa.registry.query.register.RegisterRecords;
import de.efa.registry.query.register.Service;
import de.efa.registry.query.register.ServiceAdoption;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which authorities receive applications for a LeiKa key in an area today: every ACTIVE adoption, in force today, of
 * a service with that key by a municipality of the area names the authority responsible for it today; each such
 * authority is one route — if it records a FIT-Connect destination and its signature, which the API requires.
 * <p>
 * Services are few (hundreds, read whole); the adoptions are read per service from the register's adoptions per
 * district, only those of the area's state; municipalities come from the {@link MunicipalityDirectory} in memory.
 */
@Component
class RouteFinder {

    static final URI NO_ROUTE = ProblemTypes.of("fit-connect/no-route");

    private static final Comparator<Authority> BY_NAME = Comparator.comparing(Authority::name)
            .thenComparing(Authority::authorityId);

    private final ActiveVersions versions;
    private final MunicipalityDirectory directory;

    RouteFinder(ActiveVersions versions, MunicipalityDirectory directory) {
        this.versions = versions;
        this.directory = directory;
    }

    /**
     * @param today ISO date
     * @return every route, ordered by the authority's name; never empty — when nothing is found, a 400 problem says
     *         why (the API documents no other answer for a request it cannot route)
     */
    List<Route> routes(String leikaKey, AreaKey area, String today) {
        Set<String> municipalities = new LinkedHashSet<>();
        for (Municipality municipality : directory.current().all()) {
            if (!municipality.isDissolved() && area.covers(municipality)) {
                municipalities.add(municipality.ags());
            }
        }
        if (municipalities.isEmpty()) {
            throw noRoute("No municipality of the register lies in the area " + area);
        }
        RegisterRecords register = RegisterRecords.active(versions);
        List<Service> services = register.services().stream().filter(s -> leikaKey.equals(s.leikaKey())).toList();
        if (services.isEmpty()) {
            throw noRoute("No service with LeiKa key " + leikaKey + " is registered");
        }
        Set<String> responsible = new LinkedHashSet<>();
        int inForce = 0;
        for (Service service : services) {
            for (ServiceAdoption adoption : register.serviceAdoptions(service.serviceId(), StateCode.of(area.state()))) {
                if (!municipalities.contains(adoption.ags()) || !inForce(adoption, today)) {
                    continue;
                }
                inForce++;
                String authority = AuthorityAssignment.responsibleOn(adoption.authorities(), today);
                if (authority != null) {
                    responsible.add(authority);
                }
            }
        }
        if (inForce == 0) {
            throw noRoute("No municipality in the area " + area + " offers a service with LeiKa key " + leikaKey
                    + " today through an active adoption");
        }
        if (responsible.isEmpty()) {
            throw noRoute(inForce + " active adoption(s) of LeiKa key " + leikaKey + " in the area " + area
                    + " name no responsible authority");
        }
        List<Authority> routable = new ArrayList<>();
        for (String authorityId : responsible) {
            register.authority(authorityId).filter(Authority::isRoutable).ifPresent(routable::add);
        }
        if (routable.isEmpty()) {
            throw noRoute("The " + responsible.size() + " authority(ies) responsible for LeiKa key " + leikaKey
                    + " in the area " + area + " record no FIT-Connect destination with its signature");
        }
        routable.sort(BY_NAME);
        return routable.stream().map(Route::of).toList();
    }

    /** ACTIVE (not unsupported, not ended) and in force on the day. */
    private static boolean inForce(ServiceAdoption adoption, String today) {
        return "ACTIVE".equals(adoption.status()) && adoption.effectiveFrom().compareTo(today) <= 0
                && (adoption.endsOn() == null || adoption.endsOn().compareTo(today) > 0);
    }

    private static RegistryProblem noRoute(String detail) {
        return new RegistryProblem(HttpStatus.BAD_REQUEST, NO_ROUTE, "No route found", detail);
    }
}
