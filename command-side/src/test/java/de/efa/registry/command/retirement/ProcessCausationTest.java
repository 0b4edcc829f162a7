package de.efa.registry.command.retirement;

import de.efa.registry.kernel.common.RegistryMetaData;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A process's command names the event that caused it; every other message keeps the origin the shared provider gives. */
class ProcessCausationTest {

    private final MessageOriginProvider origin = new MessageOriginProvider(RegistryMetaData.CORRELATION_ID,
            RegistryMetaData.CAUSATION_ID);
    private final CorrelationDataProvider provider =
            (CorrelationDataProvider) new ProcessCausation().postProcessAfterInitialization(origin, "messageOriginProvider");

    @Test
    void aCommandNamingItsCausingEventPassesThatEventOn() {
        var command = GenericCommandMessage.asCommandMessage("end it")
                .andMetaData(MetaData.with(RegistryMetaData.CAUSATION_ID, "the-termination"));

        Map<String, ?> data = provider.correlationDataFor(command);

        assertThat(data.get(RegistryMetaData.CAUSATION_ID)).isEqualTo("the-termination");
        assertThat(data.get(RegistryMetaData.CORRELATION_ID)).isEqualTo(origin.correlationDataFor(command)
                .get(RegistryMetaData.CORRELATION_ID));
    }

    @Test
    void aCommandWithoutOneAndAnyEventKeepTheOrigin() {
        var command = GenericCommandMessage.asCommandMessage("adopt");
        assertThat(provider.correlationDataFor(command)).isEqualTo(origin.correlationDataFor(command));
        var event = GenericEventMessage.asEventMessage("ended")
                .andMetaData(MetaData.with(RegistryMetaData.CAUSATION_ID, "something-else"));
        assertThat(provider.correlationDataFor(event)).isEqualTo(origin.correlationDataFor(event));
    }

    @Test
    void onlyTheMessageOriginProviderIsWrapped() {
        ProcessCausation causation = new ProcessCausation();
        assertThat(causation.postProcessAfterInitialization(origin, "someOtherProvider")).isSameAs(origin);
        Object notAProvider = new Object();
        assertThat(causation.postProcessAfterInitialization(notAProvider, "messageOriginProvider")).isSameAs(notAProvider);
        assertThat(causation.postProcessAfterInitialization(origin, "messageOriginProvider"))
                .isInstanceOf(ProcessCausation.PreferExplicitCausation.class);
    }
}
