package de.efa.registry.query.cooperation;

import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.register.RegisterProjection;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.efa.registry.query.web.PageRequest;

/**
 * Cooperations: one by id ({@code _id}); the list reads the whole collection, which stays tiny (a handful of
 * agreements between sixteen states).
 */
@RestController
@RequestMapping(path = "/api/v1/cooperations", produces = MediaType.APPLICATION_JSON_VALUE)
class CooperationQueryController {

    private final ActiveVersions versions;

    CooperationQueryController(ActiveVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/{cooperationId}")
    Map<String, Object> cooperation(@PathVariable CooperationId cooperationId) {
        Document stored = versions.active(RegisterProjection.NAME).collection(RegisterProjection.COOPERATIONS)
                .find(new Document("_id", cooperationId.value())).first();
        if (stored == null || stored.getString("cooperationId") == null) {
            throw RegistryProblem.notFound("Cooperation", cooperationId);
        }
        return view(stored);
    }

    @GetMapping
    Map<String, Object> cooperations(@RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<Document> all = versions.active(RegisterProjection.NAME).collection(RegisterProjection.COOPERATIONS)
                .find().into(new ArrayList<>());
        all.removeIf(c -> c.getString("cooperationId") == null);
        all.sort(Comparator.comparing((Document c) -> c.getString("name")).thenComparing(c -> c.getString("cooperationId")));
        return request.cut(all, CooperationQueryController::view);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(Document stored) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cooperationId", stored.getString("cooperationId"));
        body.put("name", stored.getString("name"));
        body.put("signedOn", stored.getString("signedOn"));
        List<Map<String, Object>> members = new ArrayList<>();
        for (Document member : (List<Document>) stored.get("members", List.class)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state", member.getString("state"));
            m.put("joinedOn", member.getString("joinedOn"));
            m.put("leftOn", member.getString("leftOn"));
            members.add(m);
        }
        body.put("members", members);
        return body;
    }
}
