package de.efa.registry.query.projection;

import org.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The update that turns a stored state document into its new version: {@code $set} for each changed path,
 * {@code $unset} for each removed one, descending into sub-documents and into lists that only grew or changed in
 * place.
 * <p>
 * Why not write the whole document: a municipality's state holds every adoption it ever made, so rewriting it for
 * each new adoption cost in proportion to all of them — on the wire, in the server and in its journal. The changed
 * paths cost in proportion to the change.
 */
final class StateChanges {

    private final Document set = new Document();
    private final Document unset = new Document();

    private StateChanges() {
    }

    /**
     * The {@code $set}/{@code $unset} update from {@code before} to {@code after} (both with the same {@code _id}), or
     * null when a top-level field cannot be named in a path (the document is then written whole).
     */
    static Document between(Document before, Document after) {
        if (!pathSafe(before.keySet()) || !pathSafe(after.keySet())) {
            return null;
        }
        StateChanges changes = new StateChanges();
        changes.document("", before, after);
        Document update = new Document();
        if (!changes.set.isEmpty()) {
            update.put("$set", changes.set);
        }
        if (!changes.unset.isEmpty()) {
            update.put("$unset", changes.unset);
        }
        return update;
    }

    private void document(String prefix, Document before, Document after) {
        for (Map.Entry<String, Object> entry : after.entrySet()) {
            String key = entry.getKey();
            Object now = entry.getValue();
            if (before.containsKey(key) && Objects.equals(before.get(key), now)) {
                continue;
            }
            value(prefix + key, before.containsKey(key), before.get(key), now);
        }
        for (String key : before.keySet()) {
            if (!after.containsKey(key)) {
                unset.put(prefix + key, "");
            }
        }
    }

    private void value(String path, boolean existed, Object old, Object now) {
        if (existed && old instanceof Document oldDocument && now instanceof Document newDocument
                && pathSafe(newDocument.keySet()) && pathSafe(oldDocument.keySet())) {
            document(path + ".", oldDocument, newDocument);
        } else if (existed && old instanceof List<?> oldList && now instanceof List<?> newList
                && newList.size() >= oldList.size() && !oldList.isEmpty()) {
            // changed elements by index; appended ones too, an index one past the end appends in MongoDB
            for (int i = 0; i < newList.size(); i++) {
                if (i >= oldList.size() || !Objects.equals(oldList.get(i), newList.get(i))) {
                    set.put(path + "." + i, newList.get(i));
                }
            }
        } else {
            set.put(path, now);
        }
    }

    /**
     * Keys that can be named in a dotted path: not empty, no dot, no leading '$', and not all digits (which MongoDB
     * reads as an array index where the parent is a list, and which we keep out of paths altogether).
     */
    private static boolean pathSafe(Iterable<String> keys) {
        for (String key : keys) {
            if (key.isEmpty() || key.indexOf('.') >= 0 || key.charAt(0) == '$' || key.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }
}
