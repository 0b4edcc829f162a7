package de.efa.registry.command.lookup;

import com.mongodb.client.model.Projections;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.region.RegionKey;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionStatus;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the lookup by {@code _id}; only the rare whole-collection reads (directory diff, cooperations) scan. The facts
 * every adoption checks (its service, the cooperations) are kept between commands, for as long as the
 * {@link FactChanges} mark has not moved.
 */
@Component
class MongoWriteLookup implements WriteLookup {

    private final WriteLookupCollections collections;
    private final FactChanges factChanges;
    private volatile FactsAsOf cached;

    MongoWriteLookup(WriteLookupCollections collections) {
        this.collections = collections;
        this.factChanges = new FactChanges(collections);
    }

    /**
     * One read of the change mark instead of the service's document and a scan of the cooperations. Services and
     * cooperations change in any instance, and a fact this instance kept may never admit what the store would refuse
     * (a deprecated version, a state that left its cooperation), so the mark is read for every check rather than
     * trusting this instance's own handlers: every writer moves it after writing, so an unchanged mark means the kept
     * facts are no older than the lookup documents were when the mark was read — the same guarantee as reading the
     * documents themselves.
     */
    @Override
    public RuleFacts ruleFacts() {
        long mark = factChanges.current();
        FactsAsOf facts = cached;
        if (facts == null || facts.mark != mark) {
            facts = new FactsAsOf(mark);
            cached = facts;
        }
        return facts;
    }

    /** Facts read after the mark was seen at {@code mark}: at least as new as that mark. */
    private final class FactsAsOf implements RuleFacts {

        private final long mark;
        private final Map<ServiceId, ServiceFacts> services = new ConcurrentHashMap<>();
        private final Map<AuthorityId, AuthorityFacts> authorities = new ConcurrentHashMap<>();
        private volatile List<CooperationFacts> cooperations;
        private volatile List<AgreementFacts> agreements;

        private FactsAsOf(long mark) {
            this.mark = mark;
        }

        @Override
        public Optional<ServiceFacts> service(ServiceId serviceId) {
            ServiceFacts kept = services.get(serviceId);
            if (kept != null) {
                return Optional.of(kept);
            }
            Optional<ServiceFacts> service = MongoWriteLookup.this.service(serviceId);
            // only services that exist are kept: ids made up by callers must not fill the memory
            service.ifPresent(s -> services.putIfAbsent(serviceId, s));
            return service;
        }

        @Override
        public List<CooperationFacts> cooperations() {
            List<CooperationFacts> all = cooperations;
            if (all == null) {
                all = List.copyOf(MongoWriteLookup.this.cooperations());
                cooperations = all;
            }
            return all;
        }

        @Override
        public Optional<AuthorityFacts> authority(AuthorityId authorityId) {
            AuthorityFacts kept = authorities.get(authorityId);
            if (kept != null) {
                return Optional.of(kept);
            }
            Optional<AuthorityFacts> authority = MongoWriteLookup.this.authority(authorityId);
            // like services: only authorities that exist are kept
            authority.ifPresent(a -> authorities.putIfAbsent(authorityId, a));
            return authority;
        }

        @Override
        public List<AgreementFacts> agreements() {
            List<AgreementFacts> all = agreements;
            if (all == null) {
                all = List.copyOf(MongoWriteLookup.this.agreements());
                agreements = all;
            }
            return all;
        }
    }

    @Override
    public Optional<ServiceFacts> service(ServiceId serviceId) {
        Document d = collections.services().find(new Document("_id", serviceId.value())).first();
        if (d == null) {
            return Optional.empty();
        }
        TreeMap<ServiceVersion, VersionStatus> versions = new TreeMap<>();
        Map<ServiceVersion, LocalDate> releasedOn = new HashMap<>();
        for (Document v : d.getList("versions", Document.class)) {
            ServiceVersion version = ServiceVersion.parse(v.getString("version"));
            versions.put(version, VersionStatus.valueOf(v.getString("status")));
            if (v.getString("releasedOn") != null) {
                releasedOn.put(version, LocalDate.parse(v.getString("releasedOn")));
            }
        }
        return Optional.of(new ServiceFacts(serviceId, LeikaKey.of(d.getString("leikaKey")), d.getString("name"),
                StateCode.of(d.getString("providingState")), ReuseModel.valueOf(d.getString("reuse")), versions, releasedOn));
    }

    @Override
    public Optional<MunicipalityFacts> municipality(Ags ags) {
        return Optional.ofNullable(collections.municipalities().find(new Document("_id", ags.value())).first())
                .map(MongoWriteLookup::municipality);
    }

    @Override
    public List<MunicipalityFacts> allMunicipalities() {
        List<MunicipalityFacts> all = new ArrayList<>();
        collections.municipalities().find().projection(Projections.exclude("seq")).batchSize(5000)
                .forEach(d -> all.add(municipality(d)));
        return all;
    }

    private static MunicipalityFacts municipality(Document d) {
        String gebietsstand = d.getString("gebietsstand");
        return new MunicipalityFacts(Ags.of(d.getString("_id")), Ars.of(d.getString("ars")), d.getString("name"),
                DistrictKey.of(d.getString("district")), d.getString("districtName"), d.getString("associationName"),
                d.get("population", Number.class).longValue(), d.get("areaHa", Number.class).longValue(),
                d.getString("postalCode"), gebietsstand == null ? null : LocalDate.parse(gebietsstand),
                d.getBoolean("dissolved", false));
    }

    @Override
    public List<RegionFacts> allRegions() {
        List<RegionFacts> all = new ArrayList<>();
        collections.regions().find().projection(Projections.exclude("seq")).batchSize(5000).forEach(d -> {
            String parent = d.getString("parent");
            all.add(new RegionFacts(RegionKey.parse(d.getString("_id")), d.getString("name"),
                    parent == null ? null : Ars.of(parent), d.get("population", Number.class).longValue(),
                    d.get("municipalities", Number.class).intValue(), d.getBoolean("dissolved", false)));
        });
        return all;
    }

    @Override
    public List<CooperationFacts> cooperations() {
        List<CooperationFacts> all = new ArrayList<>();
        for (Document d : collections.cooperations().find()) {
            List<CooperationFacts.Membership> members = new ArrayList<>();
            for (Document m : d.getList("members", Document.class)) {
                String leftOn = m.getString("leftOn");
                members.add(new CooperationFacts.Membership(StateCode.of(m.getString("state")),
                        LocalDate.parse(m.getString("joinedOn")), leftOn == null ? null : LocalDate.parse(leftOn)));
            }
            all.add(new CooperationFacts(CooperationId.of(d.getString("_id")), d.getString("name"), members));
        }
        return all;
    }

    @Override
    public List<AgreementFacts> agreements() {
        List<AgreementFacts> all = new ArrayList<>();
        for (Document d : collections.agreements().find()) {
            all.add(new AgreementFacts(AgreementId.of(d.getString("_id")), ServiceId.of(d.getString("serviceId")),
                    StateCode.of(d.getString("providingState")), StateCode.of(d.getString("adoptingState")),
                    d.getBoolean("signed", false), LocalDate.parse(d.getString("validFrom")), date(d.getString("validTo")),
                    date(d.getString("endsOn"))));
        }
        return all;
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    @Override
    public Optional<AdoptionFacts> adoption(AdoptionId adoptionId) {
        Document d = collections.adoptions().find(new Document("_id", adoptionId.value())).first();
        return Optional.ofNullable(d).map(a -> new AdoptionFacts(adoptionId, Ags.of(a.getString("ags")),
                ServiceId.of(a.getString("serviceId")), ServiceVersion.parse(a.getString("version")),
                AdoptionStatus.valueOf(a.getString("status"))));
    }

    @Override
    public Optional<AuthorityFacts> authority(AuthorityId authorityId) {
        Document d = collections.authorities().find(new Document("_id", authorityId.value())).first();
        return Optional.ofNullable(d).map(a -> new AuthorityFacts(authorityId, StateCode.of(a.getString("state")),
                a.getString("name")));
    }
}
