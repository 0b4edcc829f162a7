package de.efa.registry.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at the test store, in a database of its own. */
public final class RegistryTestProperties {

    private RegistryTestProperties() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String database = TestStore.freshDatabase();
        registry.add("registry.mongodb.uri", TestStore::uri);
        registry.add("registry.mongodb.database", () -> database);
        registry.add("registry.security.mode", () -> "basic");
        registry.add("registry.event-store.fetch-delay", () -> "20ms");
    }
}
