package de.efa.registry.kernel.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The metadata keys are stored with every event: renaming one would orphan the stored history's audit trail. */
class RegistryMetaDataTest {

    @Test
    void theStoredMetadataKeysKeepTheirNames() {
        assertThat(RegistryMetaData.PRINCIPAL).isEqualTo("principal");
        assertThat(RegistryMetaData.CORRELATION_ID).isEqualTo("correlationId");
        assertThat(RegistryMetaData.CAUSATION_ID).isEqualTo("causationId");
        assertThat(RegistryMetaData.HASH).isEqualTo("hash");
        assertThat(RegistryMetaData.PREVIOUS_HASH).isEqualTo("previousHash");
        assertThat(RegistryMetaData.SYSTEM_PRINCIPAL).isEqualTo("system");
    }
}
