package de.efa.registry.query.register;

import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.projection.ProjectionStore;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /adoptions/{id}}: the adoption index (bucket by the id's first characters, one read by {@code _id})
 * names the municipality; its document (one read by {@code _id}) holds the adoption.
 */
@RestController
@RequestMapping(path = "/api/v1/adoptions", produces = MediaType.APPLICATION_JSON_VALUE)
class AdoptionQueryController {

    private final ActiveVersions versions;

    AdoptionQueryController(ActiveVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/{adoptionId}")
    AdoptionView adoption(@PathVariable AdoptionId adoptionId) {
        String id = adoptionId.value();
        ProjectionStore store = versions.active(RegisterProjection.NAME);
        Document bucket = store.collection(RegisterProjection.ADOPTION_INDEX).find(new Document("_id", id.substring(0, 3))).first();
        Document index = bucket == null ? null : bucket.get("m", Document.class);
        String ags = index == null ? null : index.getString(id);
        Document municipality = ags == null ? null
                : store.collection(RegisterProjection.MUNICIPALITIES).find(new Document("_id", ags)).first();
        Document adoptions = municipality == null ? null : municipality.get("ad", Document.class);
        Document adoption = adoptions == null ? null : adoptions.get(id, Document.class);
        if (adoption == null) {
            throw RegistryProblem.notFound("Adoption", adoptionId);
        }
        return new AdoptionView(id, adoption.getString("s"), ags, adoption.getString("v"), adoption.getString("st"),
                adoption.getString("f"), adoption.getString("e"), adoption.getBoolean("xb"), adoption.getString("ps"),
                adoption.getString("vs"));
    }
}
