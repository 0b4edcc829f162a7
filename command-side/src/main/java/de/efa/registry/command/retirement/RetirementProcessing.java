package de.efa.registry.command.retirement;

import de.efa.registry.command.lookup.WriteLookupProcessors;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The retirement process tracks the store on its own thread, its token in MongoDB; one segment keeps stream order.
 * Events come in batches (one unit of work and one token write per batch, not per event): its handlers are repeatable.
 */
@Configuration(proxyBeanMethods = false)
class RetirementProcessing {

    @Bean
    ConfigurerModule retirementProcessorModule() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(RetirementProcess.NAME)
                .registerTrackingEventProcessorConfiguration(RetirementProcess.NAME, c -> WriteLookupProcessors.batched()));
    }
}
