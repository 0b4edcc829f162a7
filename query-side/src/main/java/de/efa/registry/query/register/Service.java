package de.efa.registry.query.register;

import de.efa.registry.kernel.service.MaturityModel;
import org.bson.Document;

import java.util.List;

/** A service as the register keeps it, with every version published of it. */
public record Service(String serviceId, String leikaKey, String name, String providingState, String reuse, String topic,
                      String description, Catalogue catalogue, List<Version> versions) {

    /** What the federal catalogues say about the service; all unknown (and counted by the dashboard) until recorded. */
    public record Catalogue(Integer ozgId, String ozgName, String leikaName, Integer typisierung, boolean evaluated) {

        static final Catalogue NONE = new Catalogue(null, null, null, null, true);

        static Catalogue of(Document stored) {
            return stored == null ? NONE : new Catalogue(stored.getInteger("ozgId"), stored.getString("ozgName"),
                    stored.getString("leikaName"), stored.getInteger("typisierung"), stored.getBoolean("evaluated", true));
        }
    }

    /**
     * A published version: sunset day once deprecated, retirement day once retired, the successor to move to, and the
     * online status recorded last with the time of the check that recorded it (both null until the first).
     */
    public record Version(String version, String status, Integer maturityLevel, String maturityModel, String releasedOn,
                          String sunsetOn, String retiredOn, String successor, String onlineStatus,
                          String onlineStatusCheckedAt) {

        static Version of(Document stored) {
            return new Version(stored.getString("version"), stored.getString("status"),
                    stored.getInteger("maturityLevel"), stored.get("maturityModel", MaturityModel.FIRST.id()),
                    stored.getString("releasedOn"), stored.getString("sunsetOn"), stored.getString("retiredOn"),
                    stored.getString("successor"), stored.getString("onlineStatus"),
                    stored.getString("onlineStatusCheckedAt"));
        }
    }

    @SuppressWarnings("unchecked")
    static Service of(Document stored) {
        List<Version> versions = ((List<Document>) stored.get("versions", List.class)).stream().map(Version::of).toList();
        return new Service(stored.getString("serviceId"), stored.getString("leikaKey"), stored.getString("name"),
                stored.getString("providingState"), stored.getString("reuse"), stored.getString("topic"),
                stored.getString("description"), Catalogue.of(stored.get("catalogue", Document.class)), versions);
    }
}
