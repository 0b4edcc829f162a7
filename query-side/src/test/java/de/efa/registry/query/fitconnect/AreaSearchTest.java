package de.efa.registry.query.fitconnect;

import de.efa.registry.kernel.common.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The terms of an area search: words, wildcards, postal codes, and the forms the API refuses. */
class AreaSearchTest {

    private static boolean finds(String term, String name, String... postalCodes) {
        return AreaSearch.of(new String[] {term}).matches(name, List.of(postalCodes));
    }

    @Test
    void aTermWithoutWildcardIsAWholeWordInAnyCase() {
        assertThat(finds("magdeburg", "Magdeburg, Landeshauptstadt")).isTrue();
        assertThat(finds("Landeshauptstadt", "Magdeburg, Landeshauptstadt")).isTrue();
        assertThat(finds("Magde", "Magdeburg, Landeshauptstadt")).isFalse();
        assertThat(finds("deburg", "Magdeburg, Landeshauptstadt")).isFalse();
        assertThat(finds("Halle", "Halle (Saale), Stadt")).isTrue();
        assertThat(finds("Saale", "Halle (Saale), Stadt")).isTrue();
        assertThat(finds("Börde", "Hohe Börde")).isTrue();
        assertThat(finds("börde", "Bördeland")).isFalse();
    }

    @Test
    void wildcardsStandForAnyCharactersAtEitherEndOrBetween() {
        assertThat(finds("Mag*", "Magdeburg, Landeshauptstadt")).isTrue();
        assertThat(finds("*burg", "Magdeburg, Landeshauptstadt")).isTrue();
        assertThat(finds("*deb*", "Magdeburg, Landeshauptstadt")).isTrue();
        assertThat(finds("Ma*rg", "Magdeburg, Landeshauptstadt")).isTrue();
        assertThat(finds("Ma*rg", "Marienberg, Stadt")).isTrue();
        assertThat(finds("Ma*rg", "Mainz")).isFalse();
        // a match may run across words; the last part must still end one
        assertThat(finds("Magd*stadt", "Magdeburg, Landeshauptstadt")).isTrue();
        assertThat(finds("Magd*haupt", "Magdeburg, Landeshauptstadt")).isFalse();
        assertThat(finds("*ab".repeat(33), "Magdeburg, Landeshauptstadt")).isFalse();
    }

    @Test
    void aTermOfDigitsMatchesAWholePostalCode() {
        assertThat(finds("39104", "Magdeburg, Landeshauptstadt", "39104")).isTrue();
        assertThat(finds("3910", "Magdeburg, Landeshauptstadt", "39104")).isFalse();
        assertThat(finds("391*", "Magdeburg, Landeshauptstadt", "39104")).isTrue();
        assertThat(finds("*104", "Magdeburg, Landeshauptstadt", "39104")).isTrue();
        assertThat(finds("39*04", "Sachsen-Anhalt", "06108", "39104")).isTrue();
        assertThat(finds("39104", "Thüringen")).isFalse();
    }

    @Test
    void everyTermMustMatch() {
        AreaSearch both = AreaSearch.of(new String[] {"Hohe", "Börde"});
        assertThat(both.matches("Hohe Börde", List.of())).isTrue();
        assertThat(both.matches("Börde", List.of())).isFalse();
        AreaSearch nameAndCode = AreaSearch.of(new String[] {"Magdeburg", "39104"});
        assertThat(nameAndCode.matches("Magdeburg, Landeshauptstadt", List.of("39104"))).isTrue();
        assertThat(nameAndCode.matches("Magdeburg, Landeshauptstadt", List.of("39106"))).isFalse();
    }

    @Test
    void theApiRefusesWildcardsAloneShortLongAndTooManyTerms() {
        for (String[] bad : List.of(new String[0], new String[] {"*"}, new String[] {"**"}, new String[] {"M*"},
                new String[] {""}, new String[] {"  "}, new String[] {"*a*"}, new String[] {"x".repeat(10_000)},
                new String[] {"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "b1", "b2"})) {
            assertThatThrownBy(() -> AreaSearch.of(bad)).as(String.join("|", bad).length() > 40 ? "long" : String.join("|", bad))
                    .isInstanceOf(InvalidValueException.class);
        }
        assertThat(AreaSearch.of(new String[] {"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "b1"})).isNotNull();
    }
}
