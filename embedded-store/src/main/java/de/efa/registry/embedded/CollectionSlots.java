package de.efa.registry.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored documents of every collection by full name ({@code database.collection}), each as a list of BSON slots
 * indexed by the collection's positions ({@code null} = free). It is what a checkpoint writes and what replaying the
 * journal rebuilds: positions are recorded, so replay needs neither decoding nor the documents' ids.
 */
final class CollectionSlots {

    private final Map<String, ArrayList<byte[]>> byCollection = new HashMap<>();

    void put(String collection, int position, byte[] bson) {
        ArrayList<byte[]> slots = byCollection.computeIfAbsent(collection, name -> new ArrayList<>());
        while (slots.size() <= position) {
            slots.add(null);
        }
        slots.set(position, bson);
    }

    void delete(String collection, int position) {
        ArrayList<byte[]> slots = byCollection.get(collection);
        if (slots != null && position < slots.size()) {
            slots.set(position, null);
        }
    }

    void clear(String collection) {
        byCollection.remove(collection);
    }

    void rename(String from, String to) {
        ArrayList<byte[]> slots = byCollection.remove(from);
        if (slots != null) {
            byCollection.put(to, slots);
        } else {
            byCollection.remove(to);
        }
    }

    /** Hands the slots of one collection to the collection object that opens it (and forgets them here). */
    List<byte[]> take(String collection) {
        ArrayList<byte[]> slots = byCollection.remove(collection);
        return slots == null ? List.of() : slots;
    }

    /** Database names that hold at least one collection. */
    List<String> databaseNames() {
        return byCollection.keySet().stream().map(name -> name.substring(0, name.indexOf('.'))).distinct().sorted()
            .toList();
    }

    Map<String, ArrayList<byte[]>> all() {
        return byCollection;
    }
}
