package de.efa.registry.query.register;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.query.projection.ProjectionStore;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/** Reads a service's adoptions: one document per adopting state, all of them fetched with one {@code $in} on {@code _id}. */
public final class ServiceAdoptions {

    private ServiceAdoptions() {
    }

    public static List<Document> read(ProjectionStore store, String serviceId, StateCode onlyState) {
        List<String> ids = new ArrayList<>();
        for (StateCode state : onlyState == null ? StateCode.all() : List.of(onlyState)) {
            ids.add(serviceId + "|" + state.value());
        }
        return store.collection(RegisterProjection.SERVICE_ADOPTIONS)
                .find(new Document("_id", new Document("$in", ids))).into(new ArrayList<>());
    }
}
