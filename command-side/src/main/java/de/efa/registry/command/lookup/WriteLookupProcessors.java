package de.efa.registry.command.lookup;

import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the lookup's two processors run: one inside each command's unit of work, one tracking behind the store. */
@Configuration(proxyBeanMethods = false)
public class WriteLookupProcessors {

    public static final String LIVE = "write-lookup";
    public static final String REPAIR = "write-lookup-repair";
    static final int BATCH_SIZE = 128;

    @Bean
    ConfigurerModule writeLookupProcessorModule() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(LIVE)
                .registerTrackingEventProcessor(REPAIR)
                .registerTrackingEventProcessorConfiguration(REPAIR, c -> batched()));
    }

    /**
     * A tracking processor that handles up to {@value #BATCH_SIZE} events per unit of work: one token write per batch
     * instead of one per event (with Axon's default of 1, the token update cost as much as the handling). Its handlers
     * are idempotent, so a batch that fails and is handled again changes nothing twice.
     */
    public static TrackingEventProcessorConfiguration batched() {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH_SIZE);
    }
}
