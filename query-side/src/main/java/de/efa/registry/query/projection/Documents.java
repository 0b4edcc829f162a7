package de.efa.registry.query.projection;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deep copies of state documents, so a failed event can be undone in memory without reading the store again. */
public final class Documents {

    private Documents() {
    }

    public static Document copy(Document source) {
        if (source == null) {
            return null;
        }
        Document copy = new Document();
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            copy.put(entry.getKey(), copyValue(entry.getValue()));
        }
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Document document) {
            return copy(document);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(copyValue(element));
            }
            return copy;
        }
        return value;
    }

    /** A sub-document, created when missing. */
    public static Document child(Document parent, String key) {
        Object value = parent.get(key);
        if (value instanceof Document document) {
            return document;
        }
        Document created = new Document();
        parent.put(key, created);
        return created;
    }

    /**
     * A filter for every {@code _id} that starts with {@code prefix}, as one range (an index range in MongoDB): the
     * registry's derived keys are made of digits, letters, '-' and '|', all of which sort below '~'.
     */
    public static Document idsStartingWith(String prefix) {
        return new Document("_id", new Document("$gte", prefix).append("$lt", prefix + "~"));
    }
}
