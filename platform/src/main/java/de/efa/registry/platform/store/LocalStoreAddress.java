package de.efa.registry.platform.store;

/**
 * Where a store that the application started itself listens (the standalone registry's embedded store). The platform
 * knows only this address, not the store: the command and query applications for a real MongoDB carry no embedded
 * server.
 */
public record LocalStoreAddress(String connectionString) {
}
