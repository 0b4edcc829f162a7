package de.efa.registry.bench;

import java.util.Map;

/**
 * A benchmark of the whole system over HTTP (commands, lookup, lag): it starts the standalone application against
 * the bench's MongoDB server and drives its API. Implementations plug in here once the HTTP API and projections are
 * merged; until then {@link Pending} reports {@code null} figures — never estimates.
 */
interface SystemScenario {

    /** The key in the result file ({@code commands}, {@code lookup}, {@code lag}). */
    String key();

    Map<String, Object> run(BenchContext context) throws Exception;

    /** What a scenario can use: the MongoDB URI the bench measures on, its settings, the application jar. */
    record BenchContext(String mongodbUri, BenchSettings settings, java.nio.file.Path registryJar) {
    }

    /** Placeholder with the figures the issue asks for, all {@code null}, and why. */
    record Pending(String key, java.util.List<String> figures, String note) implements SystemScenario {

        @Override
        public Map<String, Object> run(BenchContext context) {
            Map<String, Object> result = new java.util.LinkedHashMap<>();
            for (String figure : figures) {
                result.put(figure, null);
            }
            result.put("status", "pending");
            result.put("note", note);
            return result;
        }
    }

    static java.util.List<SystemScenario> all() {
        String why = "pending: needs the merged HTTP API and projections (standalone/target/registry.jar started by "
                + "StandaloneApp against the bench's server); not measured in this run";
        return java.util.List.of(
                new Pending("commands", java.util.List.of("per_s", "baseline_per_s", "ratio", "p50_ms", "p99_ms", "clients"), why),
                new Pending("lookup", java.util.List.of("adoptions", "per_s", "p50_ms", "p99_ms"), why),
                new Pending("lag", java.util.List.of("p50_ms", "p99_ms"), why));
    }
}
