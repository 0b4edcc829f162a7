package de.efa.registry.bench;

import java.nio.file.Path;

/** What the system scenarios ({@link SystemBenchmark}: commands, lag, lookup over HTTP) work with. */
final class SystemScenario {

    private SystemScenario() {
    }

    /** The MongoDB URI the bench measures on, its settings, the application jar. */
    record BenchContext(String mongodbUri, BenchSettings settings, Path registryJar) {
    }
}
