package de.efa.registry.command.municipality.directory;

import de.efa.registry.kernel.common.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The record checks: one bad record refuses the whole file, and the answer names every bad line (the first 20). */
class Gv100adParserTest {

    /** Line 5 of the demo file: Göttingen, 118,946 inhabitants. */
    private static final int GOETTINGEN = 5;

    @Test
    void theShippedDirectoryAndTheDemoFileAreValid() throws IOException {
        assertThat(Gv100adParser.parse(DirectoryText.decode(OfficialDirectory.bytes())).municipalities()).hasSize(10_981);
        assertThat(Gv100adParser.parse(demo()).municipalities()).isNotEmpty()
                .anySatisfy(e -> assertThat(e.population()).isEqualTo(118_946));
    }

    @Test
    void aRecordCutShortIsRefusedNotReadAsPopulationZero() throws IOException {
        DirectoryRefused refused = refused(replaceLine(demo(), GOETTINGEN, line -> line.substring(0, 120)));
        assertThat(refused.shown()).singleElement().satisfies(bad -> {
            assertThat(bad.line()).isEqualTo(GOETTINGEN);
            assertThat(bad.reason()).contains("120 characters", "220");
        });
        // trailing blanks stripped leave the population in place but still cut the record
        assertThat(refused(replaceLine(demo(), GOETTINGEN, line -> line.substring(0, 150))).shown()).hasSize(1);
    }

    @Test
    void aRecordWithShiftedColumnsIsRefused() throws IOException {
        DirectoryRefused refused = refused(replaceLine(demo(), GOETTINGEN, line -> "x" + line));
        assertThat(refused.shown().get(0).reason()).contains("221 characters");
    }

    @Test
    void thePopulationIsDigitsAndPlausible() throws IOException {
        assertThat(refused(population(demo(), "   0000012a")).shown().get(0).reason()).contains("population", "11 digits");
        assertThat(refused(population(demo(), "           ")).shown().get(0).reason()).contains("population", "11 digits");
        assertThat(refused(population(demo(), "00005000001")).shown().get(0).reason()).contains("5000001", "5000000");
        assertThat(Gv100adParser.parse(population(demo(), "00005000000")).municipalities())
                .anySatisfy(e -> assertThat(e.population()).isEqualTo(5_000_000));
        // the 206 unincorporated areas have no inhabitants: a zero written as digits is a zero
        assertThat(Gv100adParser.parse(population(demo(), "00000000000")).municipalities())
                .anySatisfy(e -> assertThat(e.population()).isZero());
    }

    @Test
    void namesFollowTheFreeTextRuleOfTheRegistry() throws IOException {
        for (String bad : List.of("\u202EnegnittöG", "Gött\u0000ingen", "Gött\u0007ingen", "Gött\u2066ingen", "\uD800x")) {
            String name = (bad + " ".repeat(50)).substring(0, 50);
            DirectoryRefused refused = refused(replaceLine(demo(), GOETTINGEN, line -> line.substring(0, 22) + name
                    + line.substring(72)));
            assertThat(refused.shown()).as(bad).singleElement()
                    .satisfies(r -> assertThat(r.reason()).contains("control character", "bidirectional"));
        }
        assertThat(refused(replaceLine(demo(), GOETTINGEN, line -> line.substring(0, 22) + " ".repeat(50)
                + line.substring(72))).shown().get(0).reason()).contains("name", "blank");
    }

    @Test
    void aMunicipalityListedTwiceIsRefused() throws IOException {
        String demo = demo();
        String goettingen = demo.split("\n")[GOETTINGEN - 1];
        DirectoryRefused refused = refused(demo + goettingen + "\n");
        assertThat(refused.shown()).singleElement().satisfies(bad -> {
            assertThat(bad.line()).isEqualTo(demo.split("\n").length + 1);
            assertThat(bad.reason()).contains("03159016", "line " + GOETTINGEN);
        });
    }

    @Test
    void aFileRepeatedTwoThousandTimesIsRefusedWithTheFirstTwentyLinesAndTheCountOfTheRest() throws IOException {
        String demo = demo();
        // every record of the states, regions, districts, associations and municipalities repeats (BW's 30s could)
        long perCopy = demo.lines().filter(l -> !l.isBlank() && !l.startsWith("30")).count();
        DirectoryRefused refused = refused(demo.repeat(2_000));
        assertThat(refused.total()).isEqualTo(perCopy * 1_999);
        assertThat(refused.shown()).hasSize(BadRecords.SHOWN);
        assertThat(refused.getMessage()).contains(perCopy * 1_999 + " records", "first 20", (perCopy * 1_999 - 20) + " more");
    }

    @Test
    void everyBadRecordIsNamedNotOnlyTheFirst() throws IOException {
        String demo = replaceLine(replaceLine(demo(), GOETTINGEN, l -> l.substring(0, 100)), 2, l -> "99" + l.substring(2));
        DirectoryRefused refused = refused(demo);
        assertThat(refused.shown()).extracting(DirectoryRefused.BadRecord::line).containsExactly(2, GOETTINGEN);
        assertThat(refused.shown().get(0).reason()).contains("unknown record type '99'");
        assertThat(refused.getMessage()).contains("2 records are invalid");
    }

    @Test
    void garbageIsNoDirectory() {
        assertThat(refused("{\"$gt\": \"\"}\n").shown().get(0).line()).isEqualTo(1);
        assertThatThrownBy(() -> Gv100adParser.parse("\n\n")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("no municipality records");
    }

    private static DirectoryRefused refused(String text) {
        DirectoryRefused refused = catchThrowableOfType(DirectoryRefused.class, () -> Gv100adParser.parse(text));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    static String demo() throws IOException {
        try (InputStream in = Gv100adParserTest.class.getClassLoader().getResourceAsStream("demo/gv100ad-demo.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String population(String text, String field) {
        return replaceLine(text, GOETTINGEN, line -> line.substring(0, 139) + field + line.substring(150));
    }

    private static String replaceLine(String text, int number, java.util.function.UnaryOperator<String> change) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.set(number - 1, change.apply(lines.get(number - 1)));
        return String.join("\n", lines);
    }
}
