package de.efa.registry.platform.store;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the registry keeps its data: the store ({@code registry.mongodb.*}, {@code registry.data-dir}) and the event
 * store's tuning ({@code registry.event-store.*}). The other {@code registry.*} properties live with the feature that
 * reads them (every class annotated {@code @ConfigurationProperties}).
 *
 * @param dataDir    where the embedded store keeps its files (standalone without {@code mongodb.uri})
 * @param mongodb    the MongoDB to use; empty URI means the embedded store
 * @param eventStore tuning of the event store
 */
@Validated
@ConfigurationProperties("registry")
public record RegistryProperties(@DefaultValue("./registry-data") Path dataDir,
                                 @DefaultValue Mongodb mongodb,
                                 @DefaultValue @Valid EventStore eventStore) {

    /**
     * @param uri         a MongoDB connection string; blank selects the embedded store where one is available
     * @param database    the database all collections live in
     * @param readTimeout how long one call may wait for the store's answer before it fails (and its connection is
     *                    closed): what bounds a handler that waits on a store that stopped answering
     */
    public record Mongodb(@DefaultValue("") String uri, @DefaultValue("registry") String database,
                          @DefaultValue("60s") Duration readTimeout) {

        public boolean isConfigured() {
            return uri != null && !uri.isBlank();
        }
    }

    /**
     * @param batchSize  events per read of the stream (positions per {@code $in}) and per aggregate load batch
     * @param gapTimeout how long a position that was handed out but not written is waited for
     * @param fetchDelay how long an idle stream waits before it polls the store again (events appended in this JVM
     *                   wake it at once)
     */
    public record EventStore(@DefaultValue("512") @Positive int batchSize,
                             @DefaultValue("60s") Duration gapTimeout,
                             @DefaultValue("100ms") Duration fetchDelay) {
    }
}
