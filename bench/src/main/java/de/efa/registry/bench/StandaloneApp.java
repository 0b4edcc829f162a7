package de.efa.registry.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standalone application as a child process pointed at the bench's MongoDB server, for the system scenarios.
 * Its memory is its own process's: read {@link #rssMb()} from /proc/PID/status.
 */
final class StandaloneApp implements AutoCloseable {

    private final Process process;
    private final int port;

    private StandaloneApp(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static StandaloneApp start(Path jar, String mongodbUri, int port, Path log, List<String> jvmArgs, String... extraArgs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--registry.mongodb.uri=" + mongodbUri));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new StandaloneApp(process, port);
    }

    /** The standalone as a newcomer runs it: its own embedded store in {@code dataDir}, no MongoDB URI. */
    static StandaloneApp startEmbedded(Path jar, Path dataDir, int port, Path log, List<String> jvmArgs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--registry.data-dir=" + dataDir));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new StandaloneApp(process, port);
    }

    /** {@code kill -9}: nothing is shut down in order. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits until {@code path} answers 2xx (e.g. the actuator health endpoint). */
    void awaitReady(String path, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(baseUri().resolve(path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application was not ready within " + timeout);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    Long rssMb() {
        return statusMb("VmRSS");
    }

    Long peakRssMb() {
        return statusMb("VmHWM");
    }

    /** CPU time (user + system) of the application's process so far, from /proc/PID/stat (10 ms resolution). */
    long cpuNanos() {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * What the application's heap holds alive, with the largest classes: {@code jcmd GC.class_histogram} counts live
     * objects only, after a full collection — so call it after the measurements. Null if jcmd could not tell.
     */
    Map<String, Object> liveHeap(int largest) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "GC.class_histogram").redirectErrorStream(true).start();
            List<String> lines = new String(jcmd.getInputStream().readAllBytes()).lines().toList();
            if (!jcmd.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
                return null;
            }
            Map<String, Object> heap = new LinkedHashMap<>();
            List<Map<String, Object>> classes = new ArrayList<>();
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[0].equals("Total")) {
                    heap.put("live_mb", Long.parseLong(f[2]) / (1024 * 1024));
                } else if (f.length >= 4 && f[0].endsWith(":") && classes.size() < largest) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("class", f[3]);
                    c.put("mb", Math.round(Long.parseLong(f[2]) / 1024.0 / 1024.0 * 10) / 10.0);
                    c.put("instances", Long.parseLong(f[1]));
                    classes.add(c);
                }
            }
            heap.put("largest_classes", classes);
            return heap.containsKey("live_mb") ? heap : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Long statusMb(String field) {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
