package de.efa.registry.eventstore;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading Jackson's JSON into BSON gives exactly what the driver's parser gives, so hashes never change. */
class JsonToBsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"adoptionId\":\"0b9f\",\"ags\":\"09162000\",\"version\":{\"major\":1,\"minor\":2,\"patch\":3},\"crossBorder\":true}",
            "{\"int\":2147483647,\"long\":2147483648,\"negative\":-9223372036854775808,\"zero\":-0}",
            "{\"double\":1.0,\"exp\":1.5E10,\"small\":-2.5e-3,\"none\":null,\"no\":false}",
            "{\"text\":\"Stra\\u00dfe \\\"Nord\\\"\\n\\t\",\"list\":[1,\"two\",{\"three\":[3.0,null]}],\"empty\":{},\"emptyList\":[]}",
            "{\"date\":{\"$date\":\"2024-01-01T00:00:00Z\"}}",
            "{\"dup\":1,\"dup\":2}"
    })
    void givesWhatTheDriversParserGives(String json) {
        Document expected = Document.parse(json);
        Document actual = JsonToBson.parse(json);

        assertThat(actual).isEqualTo(expected);
        assertThat(actual.toJson(EventDocument.JSON)).isEqualTo(expected.toJson(EventDocument.JSON));
    }

    @Test
    void aPlainObjectIsReadOnTheCheapRoute() {
        assertThat(JsonToBson.plain("{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{\"d\":2147483648}}"))
                .isEqualTo(new Document("a", 1).append("b", java.util.Arrays.asList(true, null, "x"))
                        .append("c", new Document("d", 2147483648L)));
        assertThat(JsonToBson.plain("{}")).isEqualTo(new Document());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"date\":{\"$date\":\"2024-01-01T00:00:00Z\"}}", // extended JSON: a key with a special meaning
            "{\"huge\":123456789012345678901234567890}",           // beyond 64 bits
            "[1,2]",                                              // not an object
            "{\"a\":1}{\"b\":2}",                                  // more than one object
            "{\"a\":1",                                          // cut short
            "{\"a\":}"                                           // no JSON
    })
    void anythingElseIsLeftToTheDriversParser(String json) {
        assertThat(JsonToBson.plain(json)).isNull();
    }
}
