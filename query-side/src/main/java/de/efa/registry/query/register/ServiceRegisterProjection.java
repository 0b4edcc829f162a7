package de.efa.registry.query.register;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import de.efa.registry.kernel.service.ServiceRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** The register of services: one document per service, replaced idempotently. */
@Component
@ProcessingGroup("register")
public class ServiceRegisterProjection {

    static final String SERVICES = "register_services";

    private final MongoCollection<Document> services;

    public ServiceRegisterProjection(MongoDatabase registryDatabase) {
        this.services = registryDatabase.getCollection(SERVICES);
    }

    @EventHandler
    void on(ServiceRegistered event) {
        Document service = new Document("_id", event.serviceId().value())
                .append("serviceId", event.serviceId().value())
                .append("leikaKey", event.leikaKey().value())
                .append("name", event.name())
                .append("providingState", event.providingState().value())
                .append("reuse", event.reuse().name())
                .append("topic", event.topic())
                .append("description", event.description());
        services.replaceOne(new Document("_id", event.serviceId().value()), service, new ReplaceOptions().upsert(true));
    }
}
