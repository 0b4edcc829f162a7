package de.efa.registry.command.lookup;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The link checker is only ever given absolute http(s) addresses with a host. */
class VersionLinksTest {

    @Test
    void httpAndHttpsAddressesAreProbed() {
        assertThat(VersionLinks.webAddress("https://wohngeld.example.de/antrag?x=1"))
                .isEqualTo(URI.create("https://wohngeld.example.de/antrag?x=1"));
        assertThat(VersionLinks.webAddress("HTTP://Example.org")).isEqualTo(URI.create("HTTP://Example.org"));
    }

    @Test
    void everythingElseIsNeverProbed() {
        assertThat(VersionLinks.webAddress(null)).isNull();
        assertThat(VersionLinks.webAddress("ftp://example.org/file")).isNull();
        assertThat(VersionLinks.webAddress("file:///etc/passwd")).isNull();
        assertThat(VersionLinks.webAddress("javascript:alert(1)")).isNull();
        assertThat(VersionLinks.webAddress("https:///no-host")).isNull();
        assertThat(VersionLinks.webAddress("wohngeld.example.de")).isNull();
        assertThat(VersionLinks.webAddress("https://exa mple.org")).isNull();
    }
}
