package de.efa.registry.command.lookup;

import com.mongodb.client.model.Projections;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionStatus;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the lookup by {@code _id}; only the rare whole-collection reads (directory diff, cooperations) scan. */
@Component
class MongoWriteLookup implements WriteLookup {

    private final WriteLookupCollections collections;

    MongoWriteLookup(WriteLookupCollections collections) {
        this.collections = collections;
    }

    @Override
    public Optional<ServiceFacts> service(ServiceId serviceId) {
        Document d = collections.services().find(new Document("_id", serviceId.value())).first();
        if (d == null) {
            return Optional.empty();
        }
        TreeMap<ServiceVersion, VersionStatus> versions = new TreeMap<>();
        for (Document v : d.getList("versions", Document.class)) {
            versions.put(ServiceVersion.parse(v.getString("version")), VersionStatus.valueOf(v.getString("status")));
        }
        return Optional.of(new ServiceFacts(serviceId, LeikaKey.of(d.getString("leikaKey")), d.getString("name"),
                StateCode.of(d.getString("providingState")), ReuseModel.valueOf(d.getString("reuse")), versions));
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
    public Optional<AdoptionFacts> adoption(AdoptionId adoptionId) {
        Document d = collections.adoptions().find(new Document("_id", adoptionId.value())).first();
        return Optional.ofNullable(d).map(a -> new AdoptionFacts(adoptionId, Ags.of(a.getString("ags")),
                ServiceId.of(a.getString("serviceId")), ServiceVersion.parse(a.getString("version")),
                AdoptionStatus.valueOf(a.getString("status"))));
    }
}
