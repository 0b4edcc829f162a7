package de.efa.registry.query.statistics;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.register.RegisterRecords;
import de.efa.registry.query.register.Service;
import de.efa.registry.query.register.ServiceAdoption;
import de.efa.registry.query.reuse.Agreement;
import de.efa.registry.query.reuse.Offer;
import de.efa.registry.query.reuse.ReuseRecords;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reuse funnel per EFA service, counted by effective dates as of {@code asOf}: an adoption is live on the days it
 * serves ({@link de.efa.registry.query.register.ServingSpan}), planned before them. Only other states count — the
 * providing state's own municipalities use the service without any reuse.
 */
@Component
class ReuseFunnel {

    /** An offer reaches every state but the provider: sixteen states in Germany. */
    private static final int OTHER_STATES = 15;

    private final ActiveVersions versions;

    ReuseFunnel(ActiveVersions versions) {
        this.versions = versions;
    }

    StatisticsTable<ReuseFunnelRow> rows(ServiceId serviceId, StateCode providingState, LocalDate asOf) {
        RegisterRecords register = RegisterRecords.active(versions);
        ReuseRecords reuse = ReuseRecords.active(versions);
        List<Agreement> agreements = reuse.agreements();
        // one read of all offers, not one per service
        java.util.Map<String, List<Offer>> offersByService = reuse.offers().stream()
                .collect(java.util.stream.Collectors.groupingBy(Offer::serviceId));
        String day = asOf.toString();
        List<ReuseFunnelRow> rows = new ArrayList<>();
        for (Service service : register.services()) {
            if (!ReuseModel.EFA.name().equals(service.reuse())
                    || (serviceId != null && !serviceId.value().equals(service.serviceId()))
                    || (providingState != null && !providingState.value().equals(service.providingState()))) {
                continue;
            }
            List<Offer> offers = offersByService.getOrDefault(service.serviceId(), List.of());
            boolean offered = offers.stream().anyMatch(o -> o.validFrom().compareTo(day) <= 0);
            Set<String> interested = new HashSet<>();
            offers.forEach(o -> o.interests().forEach(i -> interested.add(i.state())));
            int signed = (int) agreements.stream().filter(a -> a.serviceId().equals(service.serviceId()))
                    .filter(a -> a.signedOn() != null && (a.endsOn() == null || a.endsOn().compareTo(day) > 0))
                    .count();
            long live = 0;
            long planned = 0;
            for (ServiceAdoption adoption : register.serviceAdoptions(service.serviceId(), null)) {
                if (adoption.state().equals(service.providingState())) {
                    continue;
                }
                switch (adoption.phaseOn(day)) {
                    case LIVE -> live++;
                    case PLANNED -> planned++;
                    default -> { }
                }
            }
            rows.add(new ReuseFunnelRow(service.serviceId(), service.name(), service.providingState(),
                    offered ? OTHER_STATES : 0, interested.size(), signed, live, planned));
        }
        rows.sort(Comparator.comparing(ReuseFunnelRow::providingState).thenComparing(ReuseFunnelRow::name)
                .thenComparing(ReuseFunnelRow::serviceId));
        return new StatisticsTable<>(ReuseFunnelRow.class, rows);
    }
}
