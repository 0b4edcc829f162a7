package de.efa.registry.kernel.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The validation every key value object delegates to: what it accepts, what it refuses and what it echoes back. */
class ValueObjectsTest {

    @Test
    void digitsOfExactlyTheRequiredLengthAreAccepted() {
        assertThat(ValueObjects.requireDigits("01234", 5, "key")).isEqualTo("01234");
    }

    @Test
    void missingDigitsAreRequired() {
        assertThatThrownBy(() -> ValueObjects.requireDigits(null, 5, "key"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("key is required");
    }

    @Test
    void oneDigitTooFewOrTooManyIsRefusedWithTheLengthInTheMessage() {
        assertThatThrownBy(() -> ValueObjects.requireDigits("1234", 5, "key"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("key must be exactly 5 digits, got '1234'");
        assertThatThrownBy(() -> ValueObjects.requireDigits("123456", 5, "key"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anythingButDigitsIsRefusedEvenAtTheRightLength() {
        assertThatThrownBy(() -> ValueObjects.requireDigits("12a45", 5, "key"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("digits");
        assertThatThrownBy(() -> ValueObjects.requireDigits("-1234", 5, "key"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void requiredTextIsStrippedOfSurroundingWhitespace() {
        assertThat(ValueObjects.requireText("  Amt  ", 10, "name")).isEqualTo("Amt");
    }

    @Test
    void requiredTextRefusesNullAndBlank() {
        assertThatThrownBy(() -> ValueObjects.requireText(null, 10, "name"))
                .isInstanceOf(InvalidValueException.class).hasMessage("name is required");
        assertThatThrownBy(() -> ValueObjects.requireText(" \t ", 10, "name"))
                .isInstanceOf(InvalidValueException.class).hasMessage("name is required");
    }

    @Test
    void requiredTextMayBeExactlyTheMaximumLengthButNotOneMore() {
        assertThat(ValueObjects.requireText("abcde", 5, "name")).isEqualTo("abcde");
        assertThatThrownBy(() -> ValueObjects.requireText("abcdef", 5, "name"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("name must be at most 5 characters");
    }

    @Test
    void optionalTextIsAbsentWhenNullOrBlank() {
        assertThat(ValueObjects.optionalText(null, 5, "note")).isNull();
        assertThat(ValueObjects.optionalText("   ", 5, "note")).isNull();
    }

    @Test
    void optionalTextThatIsGivenFollowsTheRulesOfRequiredText() {
        assertThat(ValueObjects.optionalText(" ok ", 5, "note")).isEqualTo("ok");
        assertThatThrownBy(() -> ValueObjects.optionalText("abcdef", 5, "note"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void inputsUpToFortyCharactersAreEchoedWhole() {
        String forty = "x".repeat(40);
        assertThat(ValueObjects.abbreviate(forty)).isEqualTo(forty);
    }

    @Test
    void longerInputsAreCutToFortyCharactersSoAHostileInputIsNeverEchoedWhole() {
        String fortyOne = "y".repeat(40) + "z";
        assertThat(ValueObjects.abbreviate(fortyOne)).isEqualTo("y".repeat(40) + "…");
    }

    @Test
    void theRefusalOfAHugeInputQuotesOnlyItsBeginning() {
        String huge = "9".repeat(39) + "x".repeat(1000);
        assertThatThrownBy(() -> ValueObjects.requireDigits(huge, 8, "AGS"))
                .hasMessage("AGS must be exactly 8 digits, got '" + "9".repeat(39) + "x…'");
    }
}
