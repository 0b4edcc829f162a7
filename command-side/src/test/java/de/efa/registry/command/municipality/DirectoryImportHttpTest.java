package de.efa.registry.command.municipality;

import de.efa.registry.command.CommandSideApplication;
import de.efa.registry.command.municipality.directory.OfficialDirectory;
import de.efa.registry.command.support.RegistryHttp;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.kernel.region.RegionChanged;
import de.efa.registry.kernel.region.RegionLevel;
import de.efa.registry.testsupport.RegistryTestProperties;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official directory in full, again unchanged, then an older ISO-8859-1 copy that lacks two municipalities, and
 * then a copy cut short (in that order: each step works on the register the one before left).
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryImportHttpTest {

    private static final String IMPORT = "/api/v1/admin/municipalities/import";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MongoEventStorageEngine eventStore;
    @Autowired
    MongoDatabase registryDatabase;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore axonEventStore;

    @Test
    @Order(1)
    void theFullDirectoryImportsOnceAndAgainStoresNothing() throws Exception {
        RegistryHttp http = new RegistryHttp(rest);
        byte[] official = OfficialDirectory.bytes();

        // how long the import takes is the bench's business (its system set-up reports it), not a test's
        ResponseEntity<Map> first = http.postText("admin", IMPORT, official, MediaType.TEXT_PLAIN);
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsEntry("gebietsstand", "2023-11-30").containsEntry("states", 16)
                .containsEntry("districts", 400).containsEntry("municipalities", 10981).containsEntry("added", 10981)
                .containsEntry("changed", 0).containsEntry("dissolved", 0).containsEntry("unchanged", 0);
        // 16 states, 29 government regions, 400 districts, 4,597 associations
        assertThat(first.getBody().get("regions")).isEqualTo(Map.of("listed", 5042, "added", 5042, "changed", 0,
                "dissolved", 0, "unchanged", 0));
        long head = eventStore.headPosition();
        assertThat(Long.parseLong(first.getHeaders().getFirst("Registry-Position"))).isEqualTo(head);

        Document erfurt = registryDatabase.getCollection("write_municipalities").find(new Document("_id", "16051000")).first();
        assertThat(erfurt.getString("name")).isEqualTo("Erfurt, Stadt");
        assertThat(erfurt.get("population", Number.class).longValue()).isEqualTo(214_969L);
        assertThat(erfurt.getString("districtName")).isEqualTo("Erfurt, Stadt");
        Document albersdorf = registryDatabase.getCollection("write_municipalities").find(new Document("_id", "01051001")).first();
        assertThat(albersdorf.getString("ars")).isEqualTo("010515175001");
        assertThat(albersdorf.getString("associationName")).isNotBlank();

        Document dithmarschen = registryDatabase.getCollection("write_regions").find(new Document("_id", "DISTRICT:010510000000")).first();
        assertThat(dithmarschen.getString("name")).isEqualTo("Dithmarschen");
        assertThat(dithmarschen.getString("parent")).isEqualTo("010000000000");
        assertThat(dithmarschen.get("population", Number.class).longValue()).isEqualTo(135_252L);
        assertThat(dithmarschen.get("municipalities", Number.class).intValue()).isEqualTo(116);
        assertThat(registryDatabase.getCollection("write_regions").countDocuments(new Document("_id",
                new Document("$in", java.util.List.of("STATE:020000000000", "DISTRICT:020000000000", "ASSOCIATION:020000000000")))))
                .as("Hamburg at three levels above its one municipality").isEqualTo(3);

        ResponseEntity<Map> again = http.postText("admin", IMPORT, official, MediaType.TEXT_PLAIN);
        assertThat(again.getBody()).containsEntry("added", 0).containsEntry("changed", 0).containsEntry("unchanged", 10981);
        assertThat(again.getBody().get("regions")).isEqualTo(Map.of("listed", 5042, "added", 0, "changed", 0,
                "dissolved", 0, "unchanged", 5042));
        assertThat(eventStore.headPosition()).isEqualTo(head);

        // an ISO-8859-1 copy where Erfurt has another population and München and Dresden are missing
        String text = new String(official, StandardCharsets.UTF_8);
        StringBuilder older = new StringBuilder();
        // a few names hold characters ISO-8859-1 lacks: in that copy they read differently, so they change too
        java.nio.charset.CharsetEncoder latin1Encoder = StandardCharsets.ISO_8859_1.newEncoder();
        int notLatin1 = 0;
        int regionsNotLatin1 = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("60") && !latin1Encoder.canEncode(line)) {
                notLatin1++;
            }
            if (line.matches("^(10|20|40|50).*") && !latin1Encoder.canEncode(line.substring(22, 72))) {
                regionsNotLatin1++;
            }
            if (line.startsWith("60") && (line.substring(10, 18).equals("09162000") || line.substring(10, 18).equals("14612000"))) {
                continue;
            }
            if (line.startsWith("60") && line.substring(10, 18).equals("16051000")) {
                line = line.substring(0, 139) + "00000215000" + line.substring(150);
            }
            older.append(line).append('\n');
        }
        ResponseEntity<Map> latin1 = http.postText("admin", IMPORT, older.toString().getBytes(StandardCharsets.ISO_8859_1),
                MediaType.TEXT_PLAIN);
        assertThat(latin1.getBody()).containsEntry("added", 0).containsEntry("changed", 1 + notLatin1)
                .containsEntry("dissolved", 2).containsEntry("unchanged", 10978 - notLatin1);
        // the figures of Erfurt's district, association and state, and of München's and Dresden's district,
        // association, government region and state change with them
        assertThat(latin1.getBody().get("regions")).isEqualTo(Map.of("listed", 5042, "added", 0,
                "changed", 11 + regionsNotLatin1, "dissolved", 0, "unchanged", 5042 - 11 - regionsNotLatin1));
        assertThat(eventStore.headPosition()).isEqualTo(head + 3 + notLatin1 + 11 + regionsNotLatin1);
        assertThat(registryDatabase.getCollection("write_regions").find(new Document("_id", "DISTRICT:091620000000")).first()
                .get("municipalities", Number.class).intValue()).isZero();
        assertThat(registryDatabase.getCollection("write_municipalities").find(new Document("_id", "16051000")).first()
                .get("population", Number.class).longValue()).isEqualTo(215_000L);
        Document muenchen = registryDatabase.getCollection("write_municipalities").find(new Document("_id", "09162000")).first();
        assertThat(muenchen.getBoolean("dissolved")).isTrue();
        assertThat(muenchen.getString("name")).isEqualTo("München, Landeshauptstadt");
    }

    @Test
    @Order(2)
    void aDirectoryLackingWholeStatesIsRefusedAndChangesNothing() throws Exception {
        // after the test above: the register holds the whole directory
        RegistryHttp http = new RegistryHttp(rest);
        byte[] official = OfficialDirectory.bytes();
        long head = eventStore.headPosition();
        long dissolvedBefore = registryDatabase.getCollection("write_municipalities").countDocuments(new Document("dissolved", true));

        // a transfer that broke off after Bavaria (09): the states 10 to 16 are missing from the file
        String text = new String(official, StandardCharsets.UTF_8);
        StringBuilder cut = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.length() > 12 && line.substring(10, 12).compareTo("10") >= 0) {
                break;
            }
            cut.append(line).append('\n');
        }
        ResponseEntity<Map> refused = http.postText("admin", IMPORT, cut.toString().getBytes(StandardCharsets.UTF_8),
                MediaType.TEXT_PLAIN);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) refused.getBody().get("type")).endsWith("/incomplete-directory");
        assertThat((String) refused.getBody().get("detail")).contains("10, 11, 12, 13, 14, 15, 16");
        assertThat(eventStore.headPosition()).isEqualTo(head);
        assertThat(registryDatabase.getCollection("write_municipalities").countDocuments(new Document("dissolved", true)))
                .isEqualTo(dissolvedBefore);
    }

    @Test
    @Order(3)
    void aRenamedDistrictRecordsItsChange() throws Exception {
        RegistryHttp http = new RegistryHttp(rest);
        byte[] official = OfficialDirectory.bytes();
        assertThat(http.postText("admin", IMPORT, official, MediaType.TEXT_PLAIN).getStatusCode()).isEqualTo(HttpStatus.OK);
        long head = eventStore.headPosition();

        String renamed = new String(official, StandardCharsets.UTF_8).replace(
                "402023113001051       Dithmarschen                                      ",
                "402023113001051       Kreis Dithmarschen                                ");
        ResponseEntity<Map> answer = http.postText("admin", IMPORT, renamed.getBytes(StandardCharsets.UTF_8), MediaType.TEXT_PLAIN);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        // its 116 municipalities carry their district's name, so they change with it
        assertThat(answer.getBody()).containsEntry("changed", 116);
        assertThat(answer.getBody().get("regions")).isEqualTo(Map.of("listed", 5042, "added", 0, "changed", 1,
                "dissolved", 0, "unchanged", 5041));
        assertThat(eventStore.headPosition()).isEqualTo(head + 117);
        java.util.List<? extends org.axonframework.eventhandling.DomainEventMessage<?>> events =
                axonEventStore.readEvents("DISTRICT:010510000000").asStream().toList();
        assertThat(events).extracting(e -> e.getPayloadType().getSimpleName()).containsExactly("RegionRecorded", "RegionChanged");
        RegionChanged changed = (RegionChanged) events.get(1).getPayload();
        assertThat(changed.name()).isEqualTo("Kreis Dithmarschen");
        assertThat(changed.level()).isEqualTo(RegionLevel.DISTRICT);
        assertThat(changed.population()).isEqualTo(135_252L);
    }

    @Test
    void onlyAdminImportsAndOnlyPlainText() {
        RegistryHttp http = new RegistryHttp(rest);
        assertThat(http.postText("thueringen", IMPORT, "x".getBytes(), MediaType.TEXT_PLAIN).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postText(null, IMPORT, "x".getBytes(), MediaType.TEXT_PLAIN).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postText("admin", IMPORT, "{}".getBytes(), MediaType.APPLICATION_JSON).getStatusCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        ResponseEntity<Map> garbage = http.postText("admin", IMPORT, "not a directory\n".getBytes(), MediaType.TEXT_PLAIN);
        assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
