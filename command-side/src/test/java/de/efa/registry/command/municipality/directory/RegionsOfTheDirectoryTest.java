package de.efa.registry.command.municipality.directory;

import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.region.RegionKey;
import de.efa.registry.kernel.region.RegionLevel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The regions above the municipalities as the parser reads them: keys, names, parents and the figures of their municipalities. */
class RegionsOfTheDirectoryTest {

    @Test
    void theShippedDirectoryListsEveryLevel() {
        List<RegionEntry> regions = Gv100adParser.parse(DirectoryText.decode(OfficialDirectory.bytes())).regions();

        Map<RegionLevel, Long> perLevel = regions.stream()
                .collect(Collectors.groupingBy(r -> r.key().level(), Collectors.counting()));
        assertThat(perLevel).containsExactlyInAnyOrderEntriesOf(Map.of(RegionLevel.STATE, 16L,
                RegionLevel.GOVERNMENT_REGION, 29L, RegionLevel.DISTRICT, 400L, RegionLevel.ASSOCIATION, 4_597L));
        // every municipality lies in exactly one state and one association: the sums are Germany's
        for (RegionLevel level : List.of(RegionLevel.STATE, RegionLevel.ASSOCIATION)) {
            List<RegionEntry> ofLevel = regions.stream().filter(r -> r.key().level() == level).toList();
            assertThat(ofLevel.stream().mapToLong(RegionEntry::population).sum()).as("%s", level).isEqualTo(84_358_845L);
            assertThat(ofLevel.stream().mapToInt(RegionEntry::municipalities).sum()).as("%s", level).isEqualTo(10_981);
        }
        // but two uninhabited areas lie in no district the file lists: 07000999, the German-Luxembourg condominium,
        // and 13000999, the coastal waters (their associations 070009999 and 130009999 hang under their states)
        List<RegionEntry> districts = regions.stream().filter(r -> r.key().level() == RegionLevel.DISTRICT).toList();
        assertThat(districts.stream().mapToLong(RegionEntry::population).sum()).isEqualTo(84_358_845L);
        assertThat(districts.stream().mapToInt(RegionEntry::municipalities).sum()).isEqualTo(10_979);
        Map<RegionKey, RegionEntry> byKey = regions.stream().collect(Collectors.toMap(RegionEntry::key, Function.identity()));
        RegionEntry dithmarschen = byKey.get(RegionKey.of(RegionLevel.DISTRICT, Ars.of("010510000000")));
        assertThat(dithmarschen.name()).isEqualTo("Dithmarschen");
        assertThat(dithmarschen.population()).isEqualTo(135_252L);
        assertThat(dithmarschen.municipalities()).isEqualTo(116);
        assertThat(dithmarschen.parent()).as("Schleswig-Holstein has no government regions").isEqualTo(Ars.of("010000000000"));
        assertThat(byKey.get(RegionKey.of(RegionLevel.ASSOCIATION, Ars.of("010515175000"))).parent())
                .isEqualTo(Ars.of("010510000000"));
        assertThat(byKey.get(RegionKey.of(RegionLevel.ASSOCIATION, Ars.of("130009999000"))).parent())
                .isEqualTo(Ars.of("130000000000"));
        assertThat(byKey.get(RegionKey.of(RegionLevel.DISTRICT, Ars.of("091620000000"))).parent())
                .as("München lies in Oberbayern").isEqualTo(Ars.of("091000000000"));
        RegionEntry oberbayern = byKey.get(RegionKey.of(RegionLevel.GOVERNMENT_REGION, Ars.of("091000000000")));
        assertThat(oberbayern.name()).isEqualTo("Oberbayern");
        assertThat(oberbayern.parent()).isEqualTo(Ars.of("090000000000"));
        RegionEntry thueringen = byKey.get(RegionKey.of(RegionLevel.STATE, Ars.of("160000000000")));
        assertThat(thueringen.name()).isEqualTo("Thüringen");
        assertThat(thueringen.parent()).isNull();
        assertThat(thueringen.population()).isEqualTo(2_126_846L);
        assertThat(thueringen.municipalities()).isEqualTo(624);

        // Hamburg: one ARS at four levels, each its own region
        assertThat(byKey.keySet()).contains(RegionKey.of(RegionLevel.STATE, Ars.of("020000000000")),
                RegionKey.of(RegionLevel.DISTRICT, Ars.of("020000000000")),
                RegionKey.of(RegionLevel.ASSOCIATION, Ars.of("020000000000")));
        assertThat(byKey.get(RegionKey.of(RegionLevel.DISTRICT, Ars.of("020000000000"))).population()).isEqualTo(1_892_122L);
    }

    @Test
    void aDistrictOfTheDemoDirectorySumsItsMunicipalities() throws IOException {
        Map<RegionKey, RegionEntry> byKey = Gv100adParser.parse(demo()).regions().stream()
                .collect(Collectors.toMap(RegionEntry::key, Function.identity()));

        RegionEntry sonneberg = byKey.get(RegionKey.of(RegionLevel.DISTRICT, Ars.of("160720000000")));
        assertThat(sonneberg.name()).isEqualTo("Sonneberg");
        assertThat(sonneberg.municipalities()).isEqualTo(8);
        assertThat(sonneberg.population()).isEqualTo(56_922L);
        RegionEntry neuhaus = byKey.get(RegionKey.of(RegionLevel.ASSOCIATION, Ars.of("160725051000")));
        assertThat(neuhaus.name()).isEqualTo("Neuhaus am Rennweg, Stadt");
        assertThat(neuhaus.municipalities()).isEqualTo(2);
        assertThat(neuhaus.population()).isEqualTo(9_285L);
        assertThat(neuhaus.parent()).isEqualTo(Ars.of("160720000000"));
    }

    @Test
    void aRegionListedTwiceRefusesTheFile() throws IOException {
        String text = demo();
        String sonneberg = text.lines().filter(l -> l.startsWith("40") && l.substring(10, 15).equals("16072")).findFirst().orElseThrow();
        DirectoryRefused refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> Gv100adParser.parse(text + sonneberg + "\n"), DirectoryRefused.class);
        assertThat(refused.shown()).singleElement().satisfies(bad -> assertThat(bad.reason()).contains("DISTRICT", "160720000000"));
    }

    private static String demo() throws IOException {
        try (InputStream in = RegionsOfTheDirectoryTest.class.getResourceAsStream("/demo/gv100ad-demo.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
