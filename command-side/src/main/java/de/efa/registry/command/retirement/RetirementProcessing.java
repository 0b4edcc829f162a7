package de.efa.registry.command.retirement;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retirement process tracks the store on its own thread, its token in MongoDB; one segment keeps stream order. */
@Configuration(proxyBeanMethods = false)
class RetirementProcessing {

    @Bean
    ConfigurerModule retirementProcessorModule() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(RetirementProcess.NAME));
    }
}
