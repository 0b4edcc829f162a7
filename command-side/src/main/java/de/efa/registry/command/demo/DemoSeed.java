package de.efa.registry.command.demo;

import de.efa.registry.command.municipality.directory.DirectoryImport;
import de.efa.registry.command.municipality.directory.ImportResult;
import de.efa.registry.command.web.RequestMetaData;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.kernel.adoption.AdoptService;
import de.efa.registry.kernel.authority.AuthorityContact;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.authority.AuthorityProfile;
import de.efa.registry.kernel.authority.DestinationId;
import de.efa.registry.kernel.authority.DestinationSignature;
import de.efa.registry.kernel.authority.PostalAddress;
import de.efa.registry.kernel.authority.RegisterAuthority;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.FoundCooperation;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.reuse.CostModel;
import de.efa.registry.kernel.reuse.DeclareInterest;
import de.efa.registry.kernel.reuse.LegalBasis;
import de.efa.registry.kernel.reuse.OfferId;
import de.efa.registry.kernel.reuse.OfferService;
import de.efa.registry.kernel.reuse.ProposeAgreement;
import de.efa.registry.kernel.reuse.SignAgreement;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.DeprecateVersion;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.PublishVersion;
import de.efa.registry.kernel.service.RegisterService;
import de.efa.registry.kernel.service.RetireVersion;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code registry.demo.seed=true} on an empty store: the demo directory, the cooperation of Thuringia, Bavaria and
 * Lower Saxony, a few services with versions and cross-border adoptions — all as commands through the gateway,
 * in the names of the demo principals, exactly as the API would send them. The LeiKa keys are made up.
 */
@Component
@ConditionalOnProperty(name = "registry.demo.seed", havingValue = "true")
class DemoSeed {

    static final String FIXTURE = "demo/gv100ad-demo.txt";
    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
    private static final StateCode TH = StateCode.of("16");
    private static final StateCode BY = StateCode.of("09");
    private static final StateCode NI = StateCode.of("03");
    private static final StateCode SN = StateCode.of("14");

    /** {"alg":"PS512"}.{"demo":true}.demo-signature — the form of a compact JWS, no signature of anything. */
    private static final String DEMO_SIGNATURE = "eyJhbGciOiJQUzUxMiJ9.eyJkZW1vIjp0cnVlfQ.ZGVtby1zaWduYXR1cmU";

    private final MongoEventStorageEngine eventStore;
    private final DirectoryImport directoryImport;
    private final CommandGateway commands;
    private int adoptions;

    DemoSeed(MongoEventStorageEngine eventStore, DirectoryImport directoryImport, CommandGateway commands) {
        this.eventStore = eventStore;
        this.directoryImport = directoryImport;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() throws IOException {
        if (eventStore.headPosition() != 0) {
            log.info("Demo seed skipped: the store is not empty (head position {})", eventStore.headPosition());
            return;
        }
        byte[] fixture;
        try (InputStream in = new ClassPathResource(FIXTURE).getInputStream()) {
            fixture = in.readAllBytes();
        }
        ImportResult directory = directoryImport.importFile(fixture, RequestMetaData.of("admin"));

        send("thueringen", new FoundCooperation(CooperationId.random(), "EfA-Kooperation Thüringen, Bayern, Niedersachsen",
                List.of(TH, BY, NI), LocalDate.of(2021, 3, 1)));

        ServiceId wohngeld = service("thueringen", "99108001000000", "Wohngeld", TH, ReuseModel.EFA, "Familie & Kind");
        publish("thueringen", wohngeld, "1.0.0", 3, LocalDate.of(2021, 6, 1));
        publish("thueringen", wohngeld, "1.1.0", 4, LocalDate.of(2022, 3, 15));
        send("thueringen", new DeprecateVersion(wohngeld, v("1.0.0"), LocalDate.of(2024, 12, 31), v("1.1.0")));

        ServiceId ummeldung = service("bayern", "99115004000000", "Ummeldung (Wohnsitz)", BY, ReuseModel.EFA, "Umzug");
        publish("bayern", ummeldung, "1.0.0", 3, LocalDate.of(2021, 9, 1));
        publish("bayern", ummeldung, "2.0.0", 4, LocalDate.of(2023, 2, 1));

        ServiceId kfz = service("niedersachsen", "99036003000000", "Kfz-Zulassung", NI, ReuseModel.EFA, "Mobilität");
        publish("niedersachsen", kfz, "1.0.0", 4, LocalDate.of(2022, 1, 10));

        ServiceId hundesteuer = service("bayern", "99072001000000", "Hundesteuer-Anmeldung", BY, ReuseModel.STATE_ONLY, "Steuern");
        publish("bayern", hundesteuer, "1.0.0", 2, LocalDate.of(2020, 11, 1));

        ServiceId elterngeld = service("sachsen", "99106002000000", "Elterngeld", SN, ReuseModel.EFA, "Familie & Kind");
        publish("sachsen", elterngeld, "1.0.0", 3, LocalDate.of(2022, 5, 2));

        // Erfurt's offices, connected to FIT-Connect with demo destinations (their signatures have the form of a JWS
        // but sign nothing: a routing client that verifies them refuses them, as it should refuse any demo data)
        AuthorityId wohngeldstelle = authority("Stadtverwaltung Erfurt - Amt für Soziales - Wohngeldstelle",
                "Wohngeldstelle Erfurt", "Juri-Gagarin-Ring", "150", "99084", "wohngeld@erfurt.example",
                "6f1d2c3b-4a59-4e8d-9c7b-1a2b3c4d5e6f");
        AuthorityId buergeramt = authority("Stadtverwaltung Erfurt - Bürgeramt", "Bürgeramt Erfurt",
                "Bürgermeister-Wagner-Straße", "1", "99084", "buergeramt@erfurt.example",
                "7a2e3d4c-5b6a-4f9e-8d0c-2b3c4d5e6f70");

        LocalDate may2023 = LocalDate.of(2023, 5, 1);
        adopt("thueringen", "16051000", wohngeld, v("1.1.0"), may2023, wohngeldstelle);
        for (String ags : List.of("16053000", "16072018", "16072011", "16072024")) {
            adopt("thueringen", ags, wohngeld, v("1.1.0"), may2023);
        }
        adopt("bayern", "09162000", wohngeld, v("1.1.0"), LocalDate.of(2023, 7, 1));
        adopt("niedersachsen", "03241001", wohngeld, v("1.1.0"), LocalDate.of(2023, 9, 1));
        adopt("bayern", "09162000", ummeldung, v("1.0.0"), LocalDate.of(2022, 1, 1));
        adopt("bayern", "09161000", ummeldung, v("1.0.0"), LocalDate.of(2022, 1, 1));
        adopt("thueringen", "16051000", ummeldung, v("1.0.0"), LocalDate.of(2022, 6, 1), buergeramt);
        adopt("niedersachsen", "03241001", kfz, v("1.0.0"), LocalDate.of(2022, 4, 1));
        adopt("bayern", "09163000", kfz, v("1.0.0"), LocalDate.of(2023, 1, 1));
        adopt("bayern", "09162000", hundesteuer, v("1.0.0"), LocalDate.of(2021, 1, 1));
        adopt("sachsen", "14612000", elterngeld, v("1.0.0"), LocalDate.of(2022, 7, 1));
        // Saxony offers its Elterngeld for reuse; Thuringia is interested and signs up through the FIT-Store
        OfferId elterngeldOffer = OfferId.random();
        send("sachsen", new OfferService(elterngeldOffer, elterngeld, SN, "Nachnutzung nach EfA-Mindestanforderungen",
                CostModel.COST_SHARING, LocalDate.of(2023, 1, 1)));
        send("thueringen", new DeclareInterest(elterngeldOffer, TH, LocalDate.of(2023, 3, 1)));
        AgreementId elterngeldAgreement = AgreementId.random();
        send("thueringen", new ProposeAgreement(elterngeldAgreement, elterngeld, SN, TH, LegalBasis.FIT_STORE,
                "FIT-Store EfA-Elterngeld", LocalDate.of(2024, 1, 1), null, TH, LocalDate.of(2023, 6, 1)));
        send("sachsen", new SignAgreement(elterngeldAgreement, SN, LocalDate.of(2023, 7, 1)));
        // the retirement process moves the three adoptions of 1.0.0 to 2.0.0
        send("bayern", new RetireVersion(ummeldung, v("1.0.0"), LocalDate.of(2024, 3, 31), v("2.0.0")));

        log.info("Demo data loaded: {} municipalities (Gebietsstand {}), 1 cooperation, 5 services, 1 reuse agreement, 2 authorities, {} adoptions; head position {}",
                directory.municipalities(), directory.gebietsstand(), adoptions, eventStore.headPosition());
    }

    private ServiceId service(String principal, String leika, String name, StateCode state, ReuseModel reuse, String topic) {
        ServiceId id = ServiceId.random();
        send(principal, new RegisterService(id, LeikaKey.of(leika), name, state, reuse, topic, null));
        return id;
    }

    private void publish(String principal, ServiceId service, String version, int level, LocalDate releasedOn) {
        send(principal, new PublishVersion(service, v(version), MaturityLevel.of(level), releasedOn,
                "https://service.example.org/" + service + "/" + version));
    }

    private void adopt(String principal, String ags, ServiceId service, ServiceVersion version, LocalDate from) {
        adopt(principal, ags, service, version, from, null);
    }

    private void adopt(String principal, String ags, ServiceId service, ServiceVersion version, LocalDate from,
                       AuthorityId authority) {
        send(principal, new AdoptService(Ags.of(ags), AdoptionId.random(), service, version, from, authority));
        adoptions++;
    }

    private AuthorityId authority(String name, String shortName, String street, String houseNumber, String zip,
                                  String email, String destinationId) {
        AuthorityId id = AuthorityId.random();
        send("thueringen", new RegisterAuthority(id, TH, new AuthorityProfile(name, shortName,
                new PostalAddress(street, houseNumber, zip, "Erfurt"), new AuthorityContact(email, "+49 361 655-0"),
                DestinationId.of(destinationId), DestinationSignature.of(DEMO_SIGNATURE), "https://www.erfurt.de")));
        return id;
    }

    private void send(String principal, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(RequestMetaData.of(principal)));
    }

    private static ServiceVersion v(String text) {
        return ServiceVersion.parse(text);
    }
}
