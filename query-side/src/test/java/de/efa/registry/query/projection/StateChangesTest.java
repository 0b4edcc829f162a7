package de.efa.registry.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.testsupport.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The update computed from a state document's before and after turns the stored before into exactly the after, in the
 * real store over TCP: for hand-picked changes and for thousands of generated ones.
 */
class StateChangesTest {

    private static MongoDatabase database;
    private static MongoCollection<Document> states;

    @BeforeAll
    static void store() {
        database = TestStore.client().getDatabase(TestStore.freshDatabase());
        states = database.getCollection("states");
    }

    @AfterAll
    static void drop() {
        database.drop();
    }

    @Test
    void aNewAdoptionIsOneSetOfItsPath() {
        Document before = new Document("_id", "m1").append("_p", 7L).append("name", "Erfurt")
                .append("ad", new Document("a1", new Document("s", "wohngeld").append("st", "ACTIVE")));
        Document after = Documents.copy(before).append("_p", 9L);
        after.get("ad", Document.class).put("a2", new Document("s", "elterngeld").append("st", "ACTIVE"));

        assertThat(StateChanges.between(before, after)).isEqualTo(new Document("$set", new Document("_p", 9L)
                .append("ad.a2", new Document("s", "elterngeld").append("st", "ACTIVE"))));
        assertStoredAfterUpdate(before, after);
    }

    @Test
    void removedFieldsAreUnsetAndChangedOnesSetAtTheirDepth() {
        Document before = new Document("_id", "m2").append("_p", 1L).append("dissolvedOn", "2024-01-01")
                .append("ad", new Document("a1", new Document("st", "ACTIVE").append("e", "2025-01-01")));
        Document after = new Document("_id", "m2").append("_p", 2L)
                .append("ad", new Document("a1", new Document("st", "ENDED")));

        assertThat(StateChanges.between(before, after)).isEqualTo(new Document("$set", new Document("_p", 2L)
                .append("ad.a1.st", "ENDED")).append("$unset", new Document("dissolvedOn", "").append("ad.a1.e", "")));
        assertStoredAfterUpdate(before, after);
    }

    @Test
    void aListThatGrewOrChangedInPlaceIsSetByIndexAndOneThatShrankWhole() {
        Document before = new Document("_id", "m3").append("_p", 1L).append("e", List.of("a|s|1|2023-01-01", "b|s|1|2023-02-01"))
                .append("members", List.of("09", "16"));
        Document after = new Document("_id", "m3").append("_p", 2L)
                .append("e", List.of("a|s|1|2023-01-01", "b|s|1|2023-02-01|2024-01-01", "c|s|2|2024-01-01", "d|s|2|2024-02-01"))
                .append("members", List.of("09"));

        assertThat(StateChanges.between(before, after)).isEqualTo(new Document("$set", new Document("_p", 2L)
                .append("e.1", "b|s|1|2023-02-01|2024-01-01").append("e.2", "c|s|2|2024-01-01").append("e.3", "d|s|2|2024-02-01")
                .append("members", List.of("09"))));
        assertStoredAfterUpdate(before, after);
    }

    @Test
    void keysThatCannotBeNamedInAPathAreWrittenWithTheirParent() {
        Document before = new Document("_id", "m4").append("_p", 1L).append("byDay", new Document("01", 1).append("02", 2))
                .append("odd", new Document("a.b", 1));
        Document after = new Document("_id", "m4").append("_p", 2L).append("byDay", new Document("01", 1).append("02", 3))
                .append("odd", new Document("a.b", 2));

        assertThat(StateChanges.between(before, after)).isEqualTo(new Document("$set", new Document("_p", 2L)
                .append("byDay", new Document("01", 1).append("02", 3)).append("odd", new Document("a.b", 2))));
        assertStoredAfterUpdate(before, after);
        assertThat(StateChanges.between(new Document("_id", "x").append("a.b", 1), new Document("_id", "x").append("a.b", 2)))
                .as("a top-level key that is no path: the document is written whole").isNull();
    }

    @Test
    void generatedChangesTurnTheStoredDocumentIntoTheNewOne() {
        Random random = new Random(20261129);
        for (int i = 0; i < 2_000; i++) {
            Document before = randomDocument(random, "g" + i, 0);
            Document after = Documents.copy(before);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                mutate(random, after, 0);
            }
            after.put("_id", "g" + i);
            assertStoredAfterUpdate(before, after);
        }
    }

    private static void assertStoredAfterUpdate(Document before, Document after) {
        states.insertOne(Documents.copy(before));
        Document update = StateChanges.between(before, after);
        if (update == null) {
            states.replaceOne(new Document("_id", before.get("_id")), after);
        } else if (!update.isEmpty()) {
            assertThat(states.updateOne(new Document("_id", before.get("_id")), update).getMatchedCount()).isEqualTo(1);
        }
        assertThat(states.find(new Document("_id", before.get("_id"))).first()).as("%s -> %s by %s", before, after, update)
                .isEqualTo(after);
    }

    private static Document randomDocument(Random random, String id, int depth) {
        Document document = id == null ? new Document() : new Document("_id", id);
        int fields = random.nextInt(depth == 0 ? 6 : 4);
        for (int f = 0; f < fields; f++) {
            document.put(randomKey(random), randomValue(random, depth));
        }
        return document;
    }

    private static Object randomValue(Random random, int depth) {
        return switch (depth >= 3 ? random.nextInt(3) : random.nextInt(5)) {
            case 0 -> "v" + random.nextInt(100);
            case 1 -> (long) random.nextInt(1_000);
            case 2 -> random.nextBoolean();
            case 3 -> randomDocument(random, null, depth + 1);
            default -> {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(4);
                for (int e = 0; e < size; e++) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    /** Keys as the projections write them: names, ids with '-' and '|', prefixed AGS — and now and then all digits. */
    private static String randomKey(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "k" + random.nextInt(6);
            case 1 -> "g0916" + random.nextInt(3);
            case 2 -> "a-" + random.nextInt(4) + "|x";
            case 3 -> "d0" + random.nextInt(4);
            default -> String.valueOf(random.nextInt(3));
        };
    }

    @SuppressWarnings("unchecked")
    private static void mutate(Random random, Document document, int depth) {
        List<String> keys = new ArrayList<>(document.keySet());
        keys.remove("_id");
        int choice = random.nextInt(6);
        if (keys.isEmpty() || choice == 0) {
            document.put(randomKey(random), randomValue(random, depth));
            return;
        }
        String key = keys.get(random.nextInt(keys.size()));
        Object value = document.get(key);
        if (choice == 1) {
            document.remove(key);
        } else if (value instanceof Document child && choice < 4) {
            mutate(random, child, depth + 1);
        } else if (value instanceof List<?> list && choice < 5) {
            List<Object> changed = new ArrayList<>((List<Object>) list);
            switch (random.nextInt(3)) {
                case 0 -> changed.add(randomValue(random, depth + 1));
                case 1 -> {
                    if (!changed.isEmpty()) {
                        changed.set(random.nextInt(changed.size()), randomValue(random, depth + 1));
                    }
                }
                default -> {
                    if (!changed.isEmpty()) {
                        changed.remove(changed.size() - 1);
                    }
                }
            }
            document.put(key, changed);
        } else {
            document.put(key, randomValue(random, depth));
        }
    }
}
