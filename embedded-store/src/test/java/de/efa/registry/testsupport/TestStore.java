package de.efa.registry.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.efa.registry.embedded.EmbeddedMongoStore;

import java.util.UUID;

/**
 * The MongoDB every test talks to over TCP: the one named by {@code REGISTRY_TEST_MONGODB_URI}, or else one
 * embedded server per test JVM — the standalone's own journaled store, in a temporary directory, so the whole suite
 * runs against the store a newcomer's registry runs on. Each test gets a database of its own, so tests never see
 * each other.
 */
public final class TestStore {

    public static final String URI_VARIABLE = "REGISTRY_TEST_MONGODB_URI";

    private static EmbeddedMongoStore embedded;
    private static MongoClient client;

    private TestStore() {
    }

    public static synchronized String uri() {
        String external = System.getenv(URI_VARIABLE);
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (embedded == null) {
            // never closed: it dies with the JVM, after the Spring contexts' own shutdown hooks have stopped their
            // processors (closing it first makes them wait for a server that is gone); its files go with it
            java.nio.file.Path files = temporaryDirectory();
            embedded = EmbeddedMongoStore.onDisk(files);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(files), "test-store-cleanup"));
        }
        return embedded.connectionString();
    }

    private static java.nio.file.Path temporaryDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("registry-test-store");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(java.nio.file.Path directory) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(directory)) {
            for (java.nio.file.Path file : files.toList()) {
                java.nio.file.Files.deleteIfExists(file);
            }
            java.nio.file.Files.deleteIfExists(directory);
        } catch (java.io.IOException e) {
            // a temporary directory; the operating system cleans it up eventually
        }
    }

    public static synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(uri());
        }
        return client;
    }

    public static String freshDatabase() {
        return "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** The project root (for files of the repository such as {@code docker/}), as Maven passes it; the working directory otherwise. */
    public static java.nio.file.Path projectRoot() {
        String root = System.getProperty("registry.root");
        java.nio.file.Path path = root == null ? java.nio.file.Path.of("").toAbsolutePath() : java.nio.file.Path.of(root);
        // when run from a module directory without Maven, step up to the root
        return java.nio.file.Files.exists(path.resolve("mvnw")) ? path : path.getParent();
    }
}
