package de.efa.registry.eventstore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.bson.Document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON text Jackson wrote for an event into the BSON document {@link Document#parse} would give — with
 * Jackson's streaming parser, several times cheaper than the driver's JSON reader, which was the largest cost of an
 * append on the caller's thread. Anything with a special meaning in extended JSON (a key starting with {@code $}) or
 * without an exact BSON counterpart (integers beyond 64 bits) is left to {@link Document#parse}, so the result — and
 * with it the hash chain — is the same either way.
 */
final class JsonToBson {

    private static final JsonFactory JSON = new JsonFactory();

    /** Thrown inside to hand a document over to {@link Document#parse}. */
    private static final class NeedsExtendedJson extends RuntimeException {
        NeedsExtendedJson() {
            super(null, null, false, false);
        }
    }

    private JsonToBson() {
    }

    /** @param json a JSON object */
    static Document parse(String json) {
        Document plain = plain(json);
        return plain != null ? plain : Document.parse(json);
    }

    /**
     * The document of a plain JSON object — one whose every value has an exact BSON counterpart and no key a special
     * meaning in extended JSON — read with Jackson's parser; null for anything else (extended JSON, an integer beyond
     * 64 bits, something other than one object, text that is no JSON), which {@link Document#parse} must read.
     */
    static Document plain(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Document document = object(parser);
            return parser.nextToken() == null ? document : null;
        } catch (NeedsExtendedJson | IOException e) {
            return null;
        }
    }

    private static Document object(JsonParser parser) throws IOException {
        Document document = new Document();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (name.startsWith("$")) {
                throw new NeedsExtendedJson();
            }
            document.put(name, value(parser, parser.nextToken()));
        }
        if (token != JsonToken.END_OBJECT) {
            throw new NeedsExtendedJson();
        }
        return document;
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return object(parser);
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken element;
                while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(parser, element));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return parser.getIntValue();
                    case LONG:
                        return parser.getLongValue();
                    default:
                        throw new NeedsExtendedJson();
                }
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new NeedsExtendedJson();
        }
    }
}
