package de.efa.registry.eventstore;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast canonical text is the driver's relaxed JSON, character for character: stored hashes stay verifiable. */
class CanonicalJsonTest {

    @Test
    void everyCharacterIsWrittenAsTheDriverWritesIt() {
        List<Integer> differing = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String text = "a" + (char) c + "z";
            Document document = new Document("k" + (char) c, text);
            if (!document.toJson(EventDocument.JSON).equals(CanonicalJson.of(document))) {
                differing.add(c);
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void generatedPayloadsAreWrittenAsTheDriverWritesThem() {
        Random random = new Random(20261129);
        for (int i = 0; i < 5_000; i++) {
            Document document = randomDocument(random, 0);
            assertThat(CanonicalJson.of(document)).isEqualTo(document.toJson(EventDocument.JSON));
        }
    }

    @Test
    void numbersAtTheirEdgesAreWrittenAsTheDriverWritesThem() {
        Document document = new Document("ints", List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .append("longs", List.of(0L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53))
                .append("doubles", List.of(0.0, -0.0, 1.0, 0.1, 1e-7, 1e21, 123456789.125, Double.MIN_VALUE,
                        Double.MAX_VALUE, -2.5e-300));
        assertThat(CanonicalJson.of(document)).isEqualTo(document.toJson(EventDocument.JSON));
    }

    @Test
    void aTypeJsonNeverProducesIsLeftToTheDriver() {
        assertThat(CanonicalJson.of(new Document("at", new java.util.Date(0)))).isNull();
        assertThat(CanonicalJson.of(new Document("x", Double.NaN))).isNull();
        assertThat(CanonicalJson.of(new Document("deep", List.of(new Document("id", new org.bson.types.ObjectId())))))
                .isNull();
    }

    @Test
    void appendingSaysWhetherTheTextIsComplete() {
        StringBuilder out = new StringBuilder("prefix ");
        assertThat(CanonicalJson.appendTo(new Document("a", 1), out)).isTrue();
        assertThat(out).hasToString("prefix " + CanonicalJson.of(new Document("a", 1)));
        assertThat(CanonicalJson.appendTo(new Document("at", new java.util.Date(0)), new StringBuilder())).isFalse();
    }

    @Test
    void hashesAreUnchangedForEveryKindOfPayload() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            Document payload = randomDocument(random, 0);
            java.time.Instant at = java.time.Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L));
            String expected = sha256("prev\nagg\n3\nType\n" + payload.toJson(EventDocument.JSON) + "\n" + at);
            assertThat(HashChain.hash("prev", "agg", 3, "Type", payload, at)).isEqualTo(expected);
        }
    }

    private static String sha256(String input) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document randomDocument(Random random, int depth) {
        Document document = new Document();
        int fields = random.nextInt(depth == 0 ? 8 : 4);
        for (int f = 0; f < fields; f++) {
            document.append(randomString(random), randomValue(random, depth));
        }
        return document;
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 7 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> randomString(random);
            case 2 -> random.nextBoolean();
            case 3 -> random.nextInt();
            case 4 -> random.nextLong();
            case 5 -> random.nextDouble() * Math.pow(10, random.nextInt(-20, 25)) * (random.nextBoolean() ? 1 : -1);
            case 6 -> (double) random.nextInt(1000);
            case 7 -> randomDocument(random, depth + 1);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            s.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x20, 0x7f);
                case 1 -> "äöüßÄÖÜ€\"\\/\n\t".charAt(random.nextInt(13));
                case 2 -> (char) random.nextInt(0, 0x20);
                default -> (char) random.nextInt(0x80, 0xffff);
            });
        }
        return s.toString();
    }
}
