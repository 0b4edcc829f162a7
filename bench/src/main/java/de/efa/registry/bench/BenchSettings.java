package de.efa.registry.bench;

import java.time.Duration;
import java.util.List;

/**
 * Sizes of one benchmark run. {@code --quick} must finish within 15 minutes on a 2-core machine; {@code --full} is
 * the run whose figures go into BENCHMARKS.md.
 *
 * @param mode            "quick" or "full" (also the name of the result file)
 * @param writers         concurrent writer threads of the append benchmark
 * @param appendEvents    events appended per contender and round
 * @param appendWarmup    events appended per contender in the warm-up round (not measured)
 * @param appendRounds    measured rounds of the append benchmark (the median is reported)
 * @param eventsPerStream events per aggregate in the append benchmark (so most appends chain onto a predecessor)
 * @param replaySizes     store sizes the replay benchmark runs at (the largest is the headline figure)
 * @param replayRounds    measured rounds per store size
 * @param peerReplayCap   longest a single peer replay round may run before it is cut off (its rate is still exact)
 * @param batchSize       the engines' batch size (the application's default)
 * @param system          sizes of the system scenarios over HTTP (commands, lag, lookup)
 */
record BenchSettings(String mode, int writers, int appendEvents, int appendWarmup, int appendRounds,
                     int eventsPerStream, List<Integer> replaySizes, int replayRounds, Duration peerReplayCap,
                     int batchSize, SystemBenchmark.SystemSizes system) {

    static BenchSettings quick() {
        // replay at 1e5 and 2e5 (not 4e5) and a 20 s peer cap, so that the system scenarios fit into 15 minutes
        return new BenchSettings("quick", 16, 32_000, 32_000, 5, 4, List.of(100_000, 200_000), 3,
                Duration.ofSeconds(20), 512, SystemBenchmark.SystemSizes.quick());
    }

    /** A few seconds per part: checks that the harness works, its figures mean little. */
    static BenchSettings smoke() {
        return new BenchSettings("smoke", 16, 3_200, 800, 2, 4, List.of(5_000, 20_000), 2,
                Duration.ofSeconds(5), 512, SystemBenchmark.SystemSizes.smoke());
    }

    static BenchSettings full() {
        return new BenchSettings("full", 16, 64_000, 64_000, 5, 4, List.of(100_000, 1_000_000), 3,
                Duration.ofSeconds(90), 512, SystemBenchmark.SystemSizes.full());
    }
}
