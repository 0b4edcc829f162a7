package de.efa.registry.query.register;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.query.projection.Documents;
import de.efa.registry.query.projection.ProjectionStore;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a service's adoptions: one document per district ({@code serviceId|district}), all of a service's — or of
 * one state's districts — fetched with one range on {@code _id}, which is ordered by service, then state.
 */
public final class ServiceAdoptions {

    private ServiceAdoptions() {
    }

    public static List<Document> read(ProjectionStore store, String serviceId, StateCode onlyState) {
        String prefix = serviceId + "|" + (onlyState == null ? "" : onlyState.value());
        return store.collection(RegisterProjection.SERVICE_ADOPTIONS).find(Documents.idsStartingWith(prefix))
                .into(new ArrayList<>());
    }

    /** The state of a {@code serviceId|district} document. */
    static String stateOf(Document serviceAdoptions) {
        String id = serviceAdoptions.getString("_id");
        int bar = id.lastIndexOf('|');
        return id.substring(bar + 1, bar + 3);
    }
}
