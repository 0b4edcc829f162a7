package de.efa.registry.standalone;

import de.efa.registry.eventstore.verify.ExportVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/**
 * The whole registry in one JVM: command side and query side, on the embedded MongoDB-protocol store unless
 * {@code registry.mongodb.uri} names a real MongoDB.
 * <p>
 * {@code java -jar registry.jar verify-export <file>} instead verifies an NDJSON export offline and exits with the
 * verifier's code (0 intact, 1 violations, 2 unusable input): the auditor already has the jar, and needs no store.
 */
@SpringBootApplication(scanBasePackages = {"de.efa.registry.command", "de.efa.registry.query",
        "de.efa.registry.platform", "de.efa.registry.standalone"})
public class RegistryApplication {

    static final String VERIFY_EXPORT = "verify-export";

    public static void main(String[] args) {
        if (args.length > 0 && VERIFY_EXPORT.equals(args[0])) {
            // before Spring: nothing is started, no port opened, no data directory touched
            System.exit(ExportVerifier.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(RegistryApplication.class, args);
    }
}
