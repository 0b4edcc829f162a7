package de.efa.registry.query.dv;

import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.adoption.SwitchReason;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceCatalogueFactsChanged;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.service.VersionRetired;
import de.efa.registry.query.projection.InMemoryDocuments;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The dv projection's handlers on plain events, its documents in memory: the spans it keeps and the service facts. */
class DvProjectionTest {

    private static final Ags AGS = Ags.of("16072006");

    private final DvProjection projection = new DvProjection();
    private final InMemoryDocuments documents = new InMemoryDocuments();
    private final ServiceId service = ServiceId.random();
    private final AdoptionId adoption = AdoptionId.random();

    @Test
    void anAdoptionIsASpanOfItsServiceAndDistrict() {
        documents.feed(projection, started("1.0.0", "2023-03-01"));
        assertThat(span()).isEqualTo("16072006|2023-03-01||1.0.0");

        documents.feed(projection, new AdoptionVersionSwitched(adoption, AGS, service, ServiceVersion.parse("1.0.0"),
                ServiceVersion.parse("2.0.0"), LocalDate.parse("2023-06-01"), SwitchReason.REQUESTED));
        assertThat(span()).isEqualTo("16072006|2023-03-01||2.0.0");
    }

    @Test
    void itEndsOnTheEarlierOfItsEndAndTheDayItBecameUnsupported() {
        documents.feed(projection, started("1.0.0", "2023-03-01"), new AdoptionMarkedUnsupported(adoption, AGS, service,
                ServiceVersion.parse("1.0.0"), LocalDate.parse("2024-01-01")));
        assertThat(span()).isEqualTo("16072006|2023-03-01|2024-01-01|1.0.0");

        documents.feed(projection, new AdoptionEnded(adoption, AGS, service, LocalDate.parse("2024-06-30")));
        assertThat(span()).isEqualTo("16072006|2023-03-01|2024-01-01|1.0.0");

        // switched onto a live version again, it serves until its end
        documents.feed(projection, new AdoptionVersionSwitched(adoption, AGS, service, ServiceVersion.parse("1.0.0"),
                ServiceVersion.parse("2.0.0"), LocalDate.parse("2024-02-01"), SwitchReason.REQUESTED));
        assertThat(span()).isEqualTo("16072006|2023-03-01|2024-06-30|2.0.0");
    }

    @Test
    void aServiceKeepsItsCatalogueFactsAndItsVersions() {
        documents.feed(projection, new ServiceRegistered(service, LeikaKey.of("99000000000001"), "Hundesteuer",
                        StateCode.of("16"), ReuseModel.EFA, "Steuern", "about it"),
                new VersionPublished(service, ServiceVersion.parse("1.0.0"), MaturityLevel.of(3), MaturityLevel.MODEL,
                        LocalDate.parse("2023-01-01"), "https://hund.example.de"),
                new ServiceCatalogueFactsChanged(service, 42, "Hundesteuer", "Hundesteuer Anmeldung", 2, false),
                new VersionRetired(service, ServiceVersion.parse("1.0.0"), LocalDate.parse("2024-01-01"), null));

        DvService read = DvService.of(documents.get(DvProjection.SERVICES, service.value()));
        assertThat(read.leikaKey()).isEqualTo("99000000000001");
        assertThat(read.ozgId()).isEqualTo(42);
        assertThat(read.leikaName()).isEqualTo("Hundesteuer Anmeldung");
        assertThat(read.evaluated()).isFalse();
        assertThat(read.versions().get("1.0.0")).isEqualTo(new DvService.Version("https://hund.example.de", null, false));
    }

    private AdoptionStarted started(String version, String from) {
        return new AdoptionStarted(adoption, AGS, service, ServiceVersion.parse(version), StateCode.of("16"), false,
                LocalDate.parse(from));
    }

    private String span() {
        Document perDistrict = documents.get(DvProjection.COVERAGE, service.value() + "|16072");
        return perDistrict.get("a", Document.class).getString(adoption.value());
    }
}
