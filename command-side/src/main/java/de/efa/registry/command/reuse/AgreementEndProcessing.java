package de.efa.registry.command.reuse;

import de.efa.registry.command.lookup.WriteLookupProcessors;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agreement-end process tracks the store on its own thread, its token in MongoDB; one segment keeps stream order. */
@Configuration(proxyBeanMethods = false)
class AgreementEndProcessing {

    @Bean
    ConfigurerModule agreementEndProcessorModule() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(AgreementEndProcess.NAME)
                .registerTrackingEventProcessorConfiguration(AgreementEndProcess.NAME, c -> WriteLookupProcessors.batched()));
    }
}
