package de.efa.registry.query.municipality;

import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.register.RegisterProjection;
import de.efa.registry.query.register.Municipality;
import de.efa.registry.query.register.RegisterRecords;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All municipalities in memory (eleven thousand small records), for lists, names and populations. The store cannot
 * index a search by state, district or name, so the list filters here; the copy is reloaded when the register's change
 * mark for municipalities moves (one read by {@code _id} per use) or another version takes over.
 */
@Component
public class MunicipalityDirectory {

    private final ActiveVersions versions;
    private volatile Snapshot snapshot;

    public MunicipalityDirectory(ActiveVersions versions) {
        this.versions = versions;
    }

    public Snapshot current() {
        RegisterRecords register = RegisterRecords.active(versions);
        long mark = register.changeMark(RegisterProjection.MUNICIPALITIES);
        Snapshot current = snapshot;
        if (current != null && current.collection.equals(register.version()) && current.mark == mark) {
            return current;
        }
        synchronized (this) {
            if (snapshot != null && snapshot.collection.equals(register.version()) && snapshot.mark == mark) {
                return snapshot;
            }
            List<Municipality> all = new ArrayList<>(register.municipalities());
            all.sort(Comparator.comparing(Municipality::ags));
            snapshot = new Snapshot(register.version(), mark, all);
            return snapshot;
        }
    }

    /** One consistent copy of the directory. */
    public static final class Snapshot {
        private final String collection;
        private final long mark;
        private final List<Municipality> all;
        private final Map<String, Municipality> byAgs = new HashMap<>();

        Snapshot(String collection, long mark, List<Municipality> all) {
            this.collection = collection;
            this.mark = mark;
            this.all = all;
            all.forEach(m -> byAgs.put(m.ags(), m));
        }

        /** Every municipality, dissolved ones included, in AGS order. */
        public List<Municipality> all() {
            return all;
        }

        public Municipality get(String ags) {
            return byAgs.get(ags);
        }
    }
}
