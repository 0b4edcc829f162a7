package de.efa.registry.command.service;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Services with many versions load from a snapshot instead of their whole history. */
@Configuration(proxyBeanMethods = false)
class ServiceSnapshotConfiguration {

    @Bean
    SnapshotTriggerDefinition serviceSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }
}
