package de.efa.registry.query.register;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.platform.web.RegistryProblem;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of the service register. */
@RestController
@RequestMapping(path = "/api/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
class ServiceQueryController {

    private final MongoCollection<Document> services;

    ServiceQueryController(MongoDatabase registryDatabase) {
        this.services = registryDatabase.getCollection(ServiceRegisterProjection.SERVICES);
    }

    @GetMapping("/{serviceId}")
    Map<String, Object> service(@PathVariable ServiceId serviceId) {
        Document service = services.find(new Document("_id", serviceId.value())).first();
        if (service == null) {
            throw RegistryProblem.notFound("Service", serviceId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("serviceId", "leikaKey", "name", "providingState", "reuse", "topic", "description")) {
            body.put(field, service.get(field));
        }
        body.put("versions", List.of());
        body.put("adoptions", Map.of("total", 0, "byState", Map.of()));
        return body;
    }
}
