package de.efa.registry.kernel.service;

import de.efa.registry.kernel.common.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MAJOR.MINOR.PATCH, ordered part by part; versions of one service strictly increase. */
class ServiceVersionTest {

    @Test
    void theTextFormIsParsedPartByPart() {
        ServiceVersion v = ServiceVersion.parse("12.3.45");
        assertThat(v.major()).isEqualTo(12);
        assertThat(v.minor()).isEqualTo(3);
        assertThat(v.patch()).isEqualTo(45);
        assertThat(v).hasToString("12.3.45");
    }

    @Test
    void zeroIsAValidPart() {
        assertThat(new ServiceVersion(0, 0, 0)).hasToString("0.0.0");
    }

    @Test
    void noPartMayBeNegative() {
        assertThatThrownBy(() -> new ServiceVersion(-1, 0, 0)).isInstanceOf(InvalidValueException.class)
                .hasMessage("version parts must not be negative");
        assertThatThrownBy(() -> new ServiceVersion(0, -1, 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ServiceVersion(0, 0, -1)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aMissingVersionIsRequired() {
        assertThatThrownBy(() -> ServiceVersion.parse(null))
                .isInstanceOf(InvalidValueException.class).hasMessage("version is required");
    }

    @Test
    void anythingButThreeNumbersWithoutLeadingZerosIsRefused() {
        assertThatThrownBy(() -> ServiceVersion.parse("1.2"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("version must be MAJOR.MINOR.PATCH, got '1.2'");
        assertThatThrownBy(() -> ServiceVersion.parse("01.2.3")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ServiceVersion.parse("1.2.3-rc1")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void versionsAreOrderedByMajorThenMinorThenPatch() {
        ServiceVersion v = ServiceVersion.parse("2.5.7");
        assertThat(v.compareTo(ServiceVersion.parse("10.0.0"))).isNegative();
        assertThat(v.compareTo(ServiceVersion.parse("2.10.0"))).isNegative();
        assertThat(v.compareTo(ServiceVersion.parse("2.5.8"))).isNegative();
        assertThat(v.compareTo(ServiceVersion.parse("2.5.6"))).isPositive();
        assertThat(v.compareTo(ServiceVersion.parse("2.5.7"))).isZero();
    }

    @Test
    void onlyAStrictlyLaterVersionIsHigher() {
        ServiceVersion v = ServiceVersion.parse("1.4.0");
        assertThat(ServiceVersion.parse("1.4.1").isHigherThan(v)).isTrue();
        assertThat(ServiceVersion.parse("1.4.0").isHigherThan(v)).isFalse();
        assertThat(ServiceVersion.parse("1.3.9").isHigherThan(v)).isFalse();
    }
}
