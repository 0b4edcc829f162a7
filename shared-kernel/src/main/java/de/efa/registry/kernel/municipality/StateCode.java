package de.efa.registry.kernel.municipality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.common.ValueObjects;

import java.util.List;
import java.util.stream.IntStream;

/** Länderschlüssel: {@code 01}–{@code 16}. */
public record StateCode(String value) implements Comparable<StateCode> {

    private static final String[] NAMES = {
            "Schleswig-Holstein", "Hamburg", "Niedersachsen", "Bremen", "Nordrhein-Westfalen", "Hessen",
            "Rheinland-Pfalz", "Baden-Württemberg", "Bayern", "Saarland", "Berlin", "Brandenburg",
            "Mecklenburg-Vorpommern", "Sachsen", "Sachsen-Anhalt", "Thüringen"};
    private static final String[] ABBREVIATIONS = {
            "SH", "HH", "NI", "HB", "NW", "HE", "RP", "BW", "BY", "SL", "BE", "BB", "MV", "SN", "ST", "TH"};

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public StateCode {
        ValueObjects.requireDigits(value, 2, "state code");
        int number = Integer.parseInt(value);
        if (number < 1 || number > 16) {
            throw new InvalidValueException("state code must be between 01 and 16, got '" + value + "'");
        }
    }

    public static StateCode of(String value) {
        return new StateCode(value);
    }

    public static List<StateCode> all() {
        return IntStream.rangeClosed(1, 16).mapToObj(n -> new StateCode(String.format("%02d", n))).toList();
    }

    public String stateName() {
        return NAMES[Integer.parseInt(value) - 1];
    }

    public String abbreviation() {
        return ABBREVIATIONS[Integer.parseInt(value) - 1];
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(StateCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
