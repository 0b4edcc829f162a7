package de.efa.registry.command.support;

import de.efa.registry.command.lookup.AdoptionFacts;
import de.efa.registry.command.lookup.AuthorityFacts;
import de.efa.registry.command.lookup.CooperationFacts;
import de.efa.registry.command.lookup.LeikaKeyClaims;
import de.efa.registry.command.lookup.MunicipalityFacts;
import de.efa.registry.command.lookup.RegionFacts;
import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.region.RegionKey;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ServiceId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The write-side lookup as a test arranges it, and the LeiKa claims in memory. */
public class InMemoryWriteLookup implements WriteLookup, LeikaKeyClaims {

    public final Map<ServiceId, ServiceFacts> services = new HashMap<>();
    public final Map<Ags, MunicipalityFacts> municipalities = new HashMap<>();
    public final Map<RegionKey, RegionFacts> regions = new HashMap<>();
    public final List<CooperationFacts> cooperations = new ArrayList<>();
    public final List<de.efa.registry.command.lookup.AgreementFacts> agreements = new ArrayList<>();
    public final Map<AdoptionId, AdoptionFacts> adoptions = new HashMap<>();
    public final Map<String, ServiceId> claims = new HashMap<>();
    public final Map<AuthorityId, AuthorityFacts> authorities = new HashMap<>();

    public InMemoryWriteLookup with(AuthorityFacts authority) {
        authorities.put(authority.authorityId(), authority);
        return this;
    }

    @Override
    public Optional<AuthorityFacts> authority(AuthorityId authorityId) {
        return Optional.ofNullable(authorities.get(authorityId));
    }

    public InMemoryWriteLookup with(ServiceFacts service) {
        services.put(service.serviceId(), service);
        return this;
    }

    public InMemoryWriteLookup with(CooperationFacts cooperation) {
        cooperations.add(cooperation);
        return this;
    }

    @Override
    public Optional<ServiceFacts> service(ServiceId serviceId) {
        return Optional.ofNullable(services.get(serviceId));
    }

    @Override
    public Optional<MunicipalityFacts> municipality(Ags ags) {
        return Optional.ofNullable(municipalities.get(ags));
    }

    @Override
    public List<MunicipalityFacts> allMunicipalities() {
        return List.copyOf(municipalities.values());
    }

    @Override
    public List<RegionFacts> allRegions() {
        return List.copyOf(regions.values());
    }

    @Override
    public List<CooperationFacts> cooperations() {
        return List.copyOf(cooperations);
    }

    @Override
    public List<de.efa.registry.command.lookup.AgreementFacts> agreements() {
        return List.copyOf(agreements);
    }

    @Override
    public Optional<AdoptionFacts> adoption(AdoptionId adoptionId) {
        return Optional.ofNullable(adoptions.get(adoptionId));
    }

    @Override
    public void claim(StateCode state, LeikaKey leikaKey, ServiceId serviceId) {
        ServiceId holder = claims.putIfAbsent(state + "/" + leikaKey, serviceId);
        if (holder != null && !holder.equals(serviceId)) {
            throw new de.efa.registry.kernel.common.Conflict("taken by " + holder);
        }
    }

    @Override
    public void release(StateCode state, LeikaKey leikaKey, ServiceId serviceId) {
        claims.remove(state + "/" + leikaKey, serviceId);
    }

    @Override
    public void confirm(StateCode state, LeikaKey leikaKey, ServiceId serviceId) {
        claims.putIfAbsent(state + "/" + leikaKey, serviceId);
    }
}
