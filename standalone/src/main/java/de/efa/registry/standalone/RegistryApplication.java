package de.efa.registry.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The whole registry in one JVM: command side and query side, on the embedded MongoDB-protocol store unless
 * {@code registry.mongodb.uri} names a real MongoDB.
 */
@SpringBootApplication(scanBasePackages = {"de.efa.registry.command", "de.efa.registry.query",
        "de.efa.registry.platform", "de.efa.registry.standalone"})
public class RegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistryApplication.class, args);
    }
}
