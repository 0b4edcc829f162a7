package de.efa.registry.command.lookup;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the lookup's two processors run: one inside each command's unit of work, one tracking behind the store. */
@Configuration(proxyBeanMethods = false)
public class WriteLookupProcessors {

    public static final String LIVE = "write-lookup";
    public static final String REPAIR = "write-lookup-repair";

    @Bean
    ConfigurerModule writeLookupProcessorModule() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(LIVE)
                .registerTrackingEventProcessor(REPAIR));
    }
}
