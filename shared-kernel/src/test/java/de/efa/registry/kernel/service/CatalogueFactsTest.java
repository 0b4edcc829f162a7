package de.efa.registry.kernel.service;

import de.efa.registry.kernel.common.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueFactsTest {

    @Test
    void typisationRunsFromOneToTen() {
        assertThat(new CatalogueFacts(null, null, null, 1, true).typisierung()).isEqualTo(1);
        assertThat(new CatalogueFacts(null, null, null, 10, true).typisierung()).isEqualTo(10);
        assertThatThrownBy(() -> new CatalogueFacts(null, null, null, 0, true))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("typisierung");
        assertThatThrownBy(() -> new CatalogueFacts(null, null, null, 11, true))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("typisierung");
    }

    @Test
    void anOzgIdIsAPositiveNumberOfAtMostSixDigits() {
        assertThat(new CatalogueFacts(1, null, null, null, true).ozgId()).isEqualTo(1);
        assertThat(new CatalogueFacts(999_999, null, null, null, true).ozgId()).isEqualTo(999_999);
        assertThatThrownBy(() -> new CatalogueFacts(0, null, null, null, true)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new CatalogueFacts(1_000_000, null, null, null, true)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void namesAreStrippedBlankMeansUnknownAndLongOnesAreRefused() {
        CatalogueFacts facts = new CatalogueFacts(null, "  Wohngeld ", " ", null, true);
        assertThat(facts.ozgName()).isEqualTo("Wohngeld");
        assertThat(facts.leikaName()).isNull();
        assertThat(new CatalogueFacts(null, "x".repeat(300), null, null, true).ozgName()).hasSize(300);
        assertThatThrownBy(() -> new CatalogueFacts(null, null, "x".repeat(301), null, true))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("leikaName");
    }

    @Test
    void theEventCarriesTheWholeSetAndReadsBackEqual() {
        CatalogueFacts facts = new CatalogueFacts(10214, "Wohngeld", "Wohngeld Bewilligung", 4, false);
        ServiceId id = ServiceId.random();
        ServiceCatalogueFactsChanged event = facts.changeOf(id);
        assertThat(event).isEqualTo(new ServiceCatalogueFactsChanged(id, 10214, "Wohngeld", "Wohngeld Bewilligung", 4, false));
        assertThat(CatalogueFacts.of(event)).isEqualTo(facts);
    }

    @Test
    void aRegistrationWithoutFactsCarriesNone() {
        RegisterService command = new RegisterService(ServiceId.random(), LeikaKey.of("99108001000000"), "Wohngeld",
                de.efa.registry.kernel.municipality.StateCode.of("16"), ReuseModel.EFA, null, null, null);
        assertThat(command.catalogue()).isEqualTo(CatalogueFacts.NONE);
        assertThat(CatalogueFacts.NONE.evaluated()).isTrue();
    }
}
