package de.efa.registry.command.demo;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.command.CommandSideApplication;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The demo seed loads through the command path, and the retirement process migrates its Ummeldung adoptions. */
@SpringBootTest(classes = CommandSideApplication.class, properties = "registry.demo.seed=true")
class DemoSeedTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @Autowired
    MongoDatabase registryDatabase;

    @Test
    void theDemoRegisterIsLoaded() {
        assertThat(registryDatabase.getCollection("write_municipalities").countDocuments()).isEqualTo(21);
        assertThat(registryDatabase.getCollection("write_services").countDocuments()).isEqualTo(5);
        assertThat(registryDatabase.getCollection("write_cooperations").countDocuments()).isEqualTo(1);
        assertThat(registryDatabase.getCollection("write_adoptions").countDocuments()).isEqualTo(14);
        Document founded = registryDatabase.getCollection("events")
                .find(new Document("payloadType", "de.efa.registry.kernel.cooperation.CooperationFounded")).first();
        assertThat(founded.get("metaData", Document.class).getString("principal")).isEqualTo("thueringen");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(registryDatabase.getCollection("events")
                .countDocuments(new Document("payload.reason", "RETIREMENT_MIGRATION"))).isEqualTo(3));
    }
}
