package de.efa.registry.command.demo.germany;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.command.CommandSideApplication;
import de.efa.registry.command.lookup.MunicipalityFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.StateJoinedCooperation;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionRetired;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Germany seed against the test store: the whole directory, and the adoptions of 3 % of the municipalities
 * (the full register, ~240,000 adoptions, takes minutes; {@link GermanyRegisterPlanTest} checks its counts). What the
 * store holds afterwards is counted from its events and compared with the plan, which is computed from the directory.
 */
@SpringBootTest(classes = CommandSideApplication.class)
class GermanySeedTest {

    static final double SCALE = 0.03;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
        registry.add("registry.demo.seed", () -> "germany");
        registry.add("registry.demo.germany.scale", () -> Double.toString(SCALE));
    }

    @Autowired
    GermanySeed seed;
    @Autowired
    WriteLookup lookup;
    @Autowired
    MongoDatabase registryDatabase;

    @Test
    void recordsGermanyThroughTheCommandPath() {
        // the seed ran while the context started
        GermanySeed.Outcome outcome = seed.outcome();
        assertThat(outcome).isNotNull();
        GermanyRegisterPlan plan = outcome.plan();
        System.out.printf("[germany seed] scale %s: %d adoptions, %d refused, %d s%n", SCALE, plan.adoptions().size(),
                outcome.refused(), outcome.seconds());
        assertThat(outcome.refused()).as("commands refused").isZero();

        assertThat(outcome.directory().municipalities()).isEqualTo(10_981);
        assertThat(outcome.directory().states()).isEqualTo(16);
        assertThat(outcome.directory().districts()).isEqualTo(400);
        List<MunicipalityFacts> municipalities = lookup.allMunicipalities();
        assertThat(municipalities).hasSize(10_981);
        assertThat(municipalities.stream().map(m -> m.ags().state()).distinct()).hasSize(16);
        // the 400 districts, and two areas that belong to no district (07000 the German-Luxembourg condominium,
        // 13000 the coastal waters): municipality keys name 402 district keys
        assertThat(municipalities.stream().map(m -> m.district().value()).distinct()).hasSize(402).contains("07000", "13000");

        assertThat(count(ServiceRegistered.class)).isEqualTo(plan.services().size()).isGreaterThanOrEqualTo(40);
        assertThat(plan.services().stream().map(s -> lookup.service(s.id()).orElseThrow().providingState()).distinct().count())
                .isGreaterThanOrEqualTo(10);
        assertThat(count(CooperationFounded.class)).isEqualTo(plan.cooperations().size());
        assertThat(count(StateJoinedCooperation.class))
                .isEqualTo(plan.cooperations().stream().mapToLong(c -> c.joiners().size()).sum());

        // adoptions: as many as planned for this scale, a fixed share of what the full register holds
        assertThat(count(AdoptionStarted.class)).isEqualTo(plan.adoptions().size()).isGreaterThan(5_000);
        Map<String, String> providers = new HashMap<>();
        plan.services().forEach(s -> providers.put(s.id().value(), s.provider().value()));
        long crossBorder = events(AdoptionStarted.class).stream().map(e -> e.get(EventDocument.PAYLOAD, Document.class))
                .filter(p -> !p.getString("ags").startsWith(providers.get(p.getString("serviceId")))).count();
        assertThat(crossBorder).isEqualTo(plan.crossBorderAdoptions()).isPositive();
        Set<String> adoptingStates = events(AdoptionStarted.class).stream()
                .map(e -> e.get(EventDocument.PAYLOAD, Document.class).getString("ags").substring(0, 2)).collect(Collectors.toSet());
        assertThat(adoptingStates).hasSize(16);

        assertThat(count(AdoptionEnded.class)).isEqualTo(plan.terminations().size()).isPositive();
        assertThat(count(VersionDeprecated.class)).isEqualTo(plan.deprecations().size()).isPositive();
        assertThat(count(VersionRetired.class)).isEqualTo(plan.retirements().size()).isPositive();
        // the retirement process moves the retired versions' adoptions to their successors after the seed
        assertThat(plan.movedByRetirements()).isPositive();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(count(AdoptionVersionSwitched.class)).isEqualTo(plan.movedByRetirements()));
    }

    private long count(Class<?> type) {
        return events().countDocuments(new Document(EventDocument.PAYLOAD_TYPE, type.getName()));
    }

    private List<Document> events(Class<?> type) {
        return events().find(new Document(EventDocument.PAYLOAD_TYPE, type.getName())).into(new java.util.ArrayList<>());
    }

    private MongoCollection<Document> events() {
        return registryDatabase.getCollection(EventStoreCollections.EVENTS);
    }
}
