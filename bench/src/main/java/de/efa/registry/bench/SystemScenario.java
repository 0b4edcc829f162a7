package de.efa.registry.bench;

import java.nio.file.Path;

/** What the system scenarios ({@link SystemBenchmark}: commands, lag, lookup over HTTP) work with. */
final class SystemScenario {

    private SystemScenario() {
    }

    /** The MongoDB URI the bench measures on, its settings, the application jar. */
    record BenchContext(String mongodbUri, BenchSettings settings, Path registryJar) {

        Path jar() {
            return registryJar;
        }
    }

    /** A TCP port nobody listens on now. */
    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
