package de.efa.registry.query.audit;

import de.efa.registry.kernel.adoption.AdoptionAuthorityAssigned;
import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.authority.AuthorityChanged;
import de.efa.registry.kernel.authority.AuthorityProfile;
import de.efa.registry.kernel.authority.AuthorityRegistered;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.CooperationProposed;
import de.efa.registry.kernel.cooperation.CooperationStatus;
import de.efa.registry.kernel.cooperation.StateJoinedCooperation;
import de.efa.registry.kernel.cooperation.StateLeftCooperation;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.OnlineStatus;
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionOnlineStatusChanged;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.service.VersionRetired;
import de.efa.registry.kernel.service.VersionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds events, in the order they were stored, into the register's state: services with their versions' status and
 * active adoptions, cooperations with their members, authorities with the active adoptions they handle. Deliberately its own small model, sharing nothing with the
 * query-side projections, so that it can check them.
 */
final class RegisterFold {

    /** The events that change what the register shows; everything else is skipped without deserializing it. */
    static final Set<String> RELEVANT = Set.of(ServiceRegistered.class.getName(), VersionPublished.class.getName(),
            VersionDeprecated.class.getName(), VersionRetired.class.getName(), AdoptionStarted.class.getName(),
            AdoptionVersionSwitched.class.getName(), AdoptionEnded.class.getName(),
            AdoptionMarkedUnsupported.class.getName(), CooperationProposed.class.getName(), CooperationFounded.class.getName(),
            StateJoinedCooperation.class.getName(), StateLeftCooperation.class.getName(),
            VersionOnlineStatusChanged.class.getName(), AuthorityRegistered.class.getName(),
            AuthorityChanged.class.getName(), AdoptionAuthorityAssigned.class.getName());

    private final Map<String, ServiceState> services = new LinkedHashMap<>();
    private final Map<String, AdoptionState> adoptions = new LinkedHashMap<>();
    private final Map<String, CooperationState> cooperations = new LinkedHashMap<>();
    private final Map<String, AuthorityState> authorities = new LinkedHashMap<>();

    void apply(Object event) {
        if (event instanceof ServiceRegistered e) {
            services.put(e.serviceId().value(), new ServiceState(e.serviceId().value(), e.name(), e.providingState().value()));
        } else if (event instanceof VersionPublished e) {
            service(e.serviceId().value()).versions.put(e.version().toString(), VersionStatus.ACTIVE);
        } else if (event instanceof VersionDeprecated e) {
            service(e.serviceId().value()).versions.put(e.version().toString(), VersionStatus.DEPRECATED);
        } else if (event instanceof VersionRetired e) {
            service(e.serviceId().value()).versions.put(e.version().toString(), VersionStatus.RETIRED);
        } else if (event instanceof VersionOnlineStatusChanged e) {
            service(e.serviceId().value()).onlineStatus.put(e.version().toString(), e.status());
        } else if (event instanceof AdoptionStarted e) {
            adoptions.put(e.adoptionId().value(), new AdoptionState(e.serviceId().value(), AdoptionStatus.ACTIVE, null, null));
        } else if (event instanceof AdoptionVersionSwitched e) {
            // a switch (by request or by the retirement process) leaves the adoption active on another version
            adoptions.computeIfPresent(e.adoptionId().value(), (id, a) -> a.with(AdoptionStatus.ACTIVE));
        } else if (event instanceof AdoptionMarkedUnsupported e) {
            adoptions.computeIfPresent(e.adoptionId().value(), (id, a) -> a.with(AdoptionStatus.UNSUPPORTED));
        } else if (event instanceof AdoptionEnded e) {
            adoptions.computeIfPresent(e.adoptionId().value(), (id, a) -> a.with(AdoptionStatus.ENDED));
        } else if (event instanceof AdoptionAuthorityAssigned e) {
            adoptions.computeIfPresent(e.adoptionId().value(), (id, a) -> a.handledBy(e.authorityId().value(), e.effectiveFrom()));
        } else if (event instanceof AuthorityRegistered e) {
            authorities.put(e.authorityId().value(), new AuthorityState(e.authorityId().value(), e.state().value(), e.profile()));
        } else if (event instanceof AuthorityChanged e) {
            authorities.put(e.authorityId().value(), new AuthorityState(e.authorityId().value(), e.state().value(), e.profile()));
        } else if (event instanceof CooperationFounded e) {
            CooperationState cooperation = new CooperationState(e.cooperationId().value(), e.name(), CooperationStatus.ACTIVE);
            for (StateCode state : e.foundingStates()) {
                cooperation.members.add(new RegisterAsOf.Member(state.value(), e.signedOn(), null));
            }
            cooperations.put(e.cooperationId().value(), cooperation);
        } else if (event instanceof CooperationProposed e) {
            // pending: founded by one state, waiting for the others' signatures; nobody is a member yet
            cooperations.put(e.cooperationId().value(), new CooperationState(e.cooperationId().value(), e.name(),
                    CooperationStatus.PENDING));
        } else if (event instanceof StateJoinedCooperation e) {
            cooperation(e.cooperationId().value()).members.add(new RegisterAsOf.Member(e.state().value(), e.joinedOn(), null));
        } else if (event instanceof StateLeftCooperation e) {
            cooperation(e.cooperationId().value()).left(e.state().value(), e.leftOn());
        }
    }

    RegisterAsOf result(Instant asOf) {
        Map<String, Long> active = new LinkedHashMap<>();
        adoptions.values().stream().filter(a -> a.status == AdoptionStatus.ACTIVE)
                .forEach(a -> active.merge(a.serviceId, 1L, Long::sum));
        Map<String, Long> handling = new LinkedHashMap<>();
        adoptions.values().stream().filter(a -> a.status == AdoptionStatus.ACTIVE && a.authorityId != null)
                .forEach(a -> handling.merge(a.authorityId, 1L, Long::sum));
        return new RegisterAsOf(asOf,
                services.values().stream().map(s -> new RegisterAsOf.Service(s.serviceId, s.name, s.providingState,
                        s.versions.entrySet().stream().map(v -> new RegisterAsOf.Version(v.getKey(), v.getValue().name(),
                                text(s.onlineStatus.get(v.getKey())))).toList(),
                        active.getOrDefault(s.serviceId, 0L))).toList(),
                cooperations.values().stream().map(c -> new RegisterAsOf.Cooperation(c.cooperationId, c.name,
                        c.status.name(), List.copyOf(c.members))).toList(),
                authorities.values().stream().map(a -> new RegisterAsOf.Authority(a.authorityId, a.state,
                        a.profile.name(), a.profile.destinationId() == null ? null : a.profile.destinationId().value(),
                        handling.getOrDefault(a.authorityId, 0L))).toList());
    }

    private static String text(OnlineStatus status) {
        return status == null ? null : status.text();
    }

    /** Events of a service or cooperation whose founding event is missing still count, under an unnamed entry. */
    private ServiceState service(String serviceId) {
        return services.computeIfAbsent(serviceId, id -> new ServiceState(id, null, null));
    }

    private CooperationState cooperation(String cooperationId) {
        return cooperations.computeIfAbsent(cooperationId, id -> new CooperationState(id, null, CooperationStatus.ACTIVE));
    }

    private static final class ServiceState {
        final String serviceId;
        final String name;
        final String providingState;
        final Map<String, VersionStatus> versions = new LinkedHashMap<>();
        /** The status recorded last for a version; a version never checked has none. */
        final Map<String, OnlineStatus> onlineStatus = new LinkedHashMap<>();

        ServiceState(String serviceId, String name, String providingState) {
            this.serviceId = serviceId;
            this.name = name;
            this.providingState = providingState;
        }
    }

    /** {@code authorityId}: the authority named from the latest day ({@code authoritySince}); null while none is. */
    private record AdoptionState(String serviceId, AdoptionStatus status, String authorityId, LocalDate authoritySince) {

        AdoptionState with(AdoptionStatus next) {
            return new AdoptionState(serviceId, next, authorityId, authoritySince);
        }

        /** A naming dated before the latest one changes only the past: the latest stays the one handling it. */
        AdoptionState handledBy(String authority, LocalDate since) {
            return authoritySince != null && since.isBefore(authoritySince) ? this
                    : new AdoptionState(serviceId, status, authority, since);
        }
    }

    private record AuthorityState(String authorityId, String state, AuthorityProfile profile) {
    }

    private static final class CooperationState {
        final String cooperationId;
        final String name;
        final CooperationStatus status;
        /** Every membership in the order it began: a state that left and joined again has one for each time. */
        final List<RegisterAsOf.Member> members = new ArrayList<>();

        CooperationState(String cooperationId, String name, CooperationStatus status) {
            this.cooperationId = cooperationId;
            this.name = name;
            this.status = status;
        }

        /** Ends the state's open membership. */
        void left(String state, LocalDate leftOn) {
            for (int i = members.size() - 1; i >= 0; i--) {
                RegisterAsOf.Member member = members.get(i);
                if (member.state().equals(state) && member.leftOn() == null) {
                    members.set(i, new RegisterAsOf.Member(state, member.joinedOn(), leftOn));
                    return;
                }
            }
        }
    }
}
