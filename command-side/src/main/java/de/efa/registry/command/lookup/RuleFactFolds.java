package de.efa.registry.command.lookup;

import de.efa.registry.kernel.authority.AuthorityChanged;
import de.efa.registry.kernel.authority.AuthorityRegistered;
import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.reuse.AgreementProposed;
import de.efa.registry.kernel.reuse.AgreementSigned;
import de.efa.registry.kernel.reuse.AgreementTerminated;
import de.efa.registry.kernel.cooperation.StateJoinedCooperation;
import de.efa.registry.kernel.cooperation.StateLeftCooperation;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.service.VersionRetired;
import de.efa.registry.kernel.service.VersionStatus;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where the facts the adoption rules read — a service with its versions, a cooperation with its
 * memberships, a reuse agreement with its days, an authority with its state — are derived from events: each event changes the lookup document it belongs to. The live handler and
 * the repair processor apply these folds event by event; {@link RuleFactsBackfill} folds an aggregate's whole history
 * into a fresh document when the folds change.
 * <p>
 * A new fact for a rule is added here, and {@link #LAYOUT} goes up by one: documents written by the older folds are
 * rebuilt from their events when the command side starts — no manual backfill.
 */
final class RuleFactFolds {

    /**
     * The version of the folds. 1: before the layout was recorded (versions without their release day);
     * 2: versions with {@code releasedOn}; 3: versions with their {@code url} (the link checker reads them).
     */
    static final int LAYOUT = 3;
    static final String LAYOUT_FIELD = "layout";

    private RuleFactFolds() {
    }

    /** @return the service's document after the event, or null to leave it as it is (an event it does not know) */
    static Document service(Document current, Object event) {
        if (event instanceof ServiceRegistered e) {
            return new Document("leikaKey", e.leikaKey().value()).append("name", e.name())
                    .append("providingState", e.providingState().value()).append("reuse", e.reuse().name())
                    .append("versions", new ArrayList<Document>()).append(LAYOUT_FIELD, LAYOUT);
        }
        if (current == null) {
            return null;
        }
        if (event instanceof VersionPublished e) {
            List<Document> versions = new ArrayList<>(current.getList("versions", Document.class));
            versions.add(new Document("version", e.version().toString()).append("status", VersionStatus.ACTIVE.name())
                    .append("releasedOn", e.releasedOn().toString()).append("url", e.url()));
            return current.append("versions", versions);
        }
        if (event instanceof VersionDeprecated e) {
            return withStatus(current, e.version(), VersionStatus.DEPRECATED);
        }
        if (event instanceof VersionRetired e) {
            return withStatus(current, e.version(), VersionStatus.RETIRED);
        }
        return null;
    }

    private static Document withStatus(Document service, ServiceVersion version, VersionStatus status) {
        List<Document> versions = new ArrayList<>();
        for (Document v : service.getList("versions", Document.class)) {
            versions.add(version.toString().equals(v.getString("version")) ? new Document(v).append("status", status.name()) : v);
        }
        return service.append("versions", versions);
    }

    /** @return the cooperation's document after the event, or null to leave it as it is */
    static Document cooperation(Document current, Object event) {
        if (event instanceof CooperationFounded e) {
            List<Document> members = new ArrayList<>();
            e.foundingStates().stream().distinct().forEach(s -> members.add(membership(s.value(), e.signedOn().toString())));
            return new Document("name", e.name()).append("members", members).append(LAYOUT_FIELD, LAYOUT);
        }
        if (current == null) {
            return null;
        }
        if (event instanceof StateJoinedCooperation e) {
            List<Document> members = new ArrayList<>(current.getList("members", Document.class));
            members.add(membership(e.state().value(), e.joinedOn().toString()));
            return current.append("members", members);
        }
        if (event instanceof StateLeftCooperation e) {
            List<Document> members = new ArrayList<>();
            for (Document m : current.getList("members", Document.class)) {
                boolean open = e.state().value().equals(m.getString("state")) && m.getString("leftOn") == null;
                members.add(open ? new Document(m).append("leftOn", e.leftOn().toString()) : m);
            }
            return current.append("members", members);
        }
        return null;
    }

    /** @return the agreement's document after the event, or null to leave it as it is */
    static Document agreement(Document current, Object event) {
        if (event instanceof AgreementProposed e) {
            return new Document("serviceId", e.serviceId().value()).append("providingState", e.providingState().value())
                    .append("adoptingState", e.adoptingState().value()).append("signed", false)
                    .append("validFrom", e.validFrom().toString())
                    .append("validTo", e.validTo() == null ? null : e.validTo().toString()).append("endsOn", null)
                    .append(LAYOUT_FIELD, LAYOUT);
        }
        if (current == null) {
            return null;
        }
        if (event instanceof AgreementSigned) {
            return current.append("signed", true);
        }
        if (event instanceof AgreementTerminated e) {
            return current.append("endsOn", e.endsOn().toString());
        }
        return null;
    }

    /**
     * @return the authority's document after the event, or null to leave it as it is. Its state never changes; the
     * name is kept for the rules' refusals.
     */
    static Document authority(Document current, Object event) {
        if (event instanceof AuthorityRegistered e) {
            return new Document("state", e.state().value()).append("name", e.profile().name()).append(LAYOUT_FIELD, LAYOUT);
        }
        if (current == null) {
            return null;
        }
        if (event instanceof AuthorityChanged e) {
            return current.append("name", e.profile().name());
        }
        return null;
    }

    private static Document membership(String state, String joinedOn) {
        return new Document("state", state).append("joinedOn", joinedOn).append("leftOn", null);
    }
}
