package de.efa.registry.eventstore.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.registry.eventstore.ChainRevision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies an NDJSON export of the registry's events without the registry: every aggregate's hash chain is recomputed
 * from the exported lines alone, so an auditor can check a copy they hold — on another machine, years later.
 * <p>
 * Run as {@code java -jar registry.jar verify-export registry-events.ndjson} (or this class's {@code main}). The file
 * is read line by line, never whole (exports run to gigabytes); each violation is printed as it is found, with the
 * aggregate, the sequence and what is wrong, then a summary. Exit code 0: every chain intact; 1: violations found;
 * 2: the file cannot be verified (missing, not NDJSON, or without the fields a verifier needs). docs/audit.md explains
 * what a passing export proves and what it cannot.
 */
public final class ExportVerifier {

    public static final int INTACT = 0;
    public static final int VIOLATED = 1;
    public static final int UNUSABLE = 2;

    private ExportVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** @return the exit code: {@link #INTACT}, {@link #VIOLATED} or {@link #UNUSABLE} */
    public static int run(String[] args, PrintStream out) {
        if (args.length != 1) {
            out.println("usage: verify-export <registry-events.ndjson>   (the file GET /api/v1/audit/events/export wrote)");
            return UNUSABLE;
        }
        return verify(Path.of(args[0]), out);
    }

    public static int verify(Path export, PrintStream out) {
        ObjectMapper json = new ObjectMapper();
        long[] violations = {0};
        Set<String> violatedAggregates = new HashSet<>();
        AggregateChains chains = new AggregateChains(json, violation -> {
            violations[0]++;
            violatedAggregates.add(violation.aggregateId());
            out.println("VIOLATION " + violation);
        });
        long events = 0;
        out.println("Verifying " + export);
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            long number = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                chains.follow(ExportedEvent.of(parse(json, line, number), number));
                events++;
            }
        } catch (UnusableExport e) {
            out.println("UNUSABLE " + e.getMessage());
            return UNUSABLE;
        } catch (IOException e) {
            out.println("UNUSABLE cannot read " + export + ": " + e);
            return UNUSABLE;
        }
        if (events == 0) {
            out.println("UNUSABLE " + export + " holds no events: nothing to verify");
            return UNUSABLE;
        }
        out.printf(Locale.ROOT, "%,d events of %,d aggregates checked (chain revision 1: %,d, revision 2: %,d)%n", events,
                chains.aggregates(), chains.events(ChainRevision.ORIGINAL), chains.events(ChainRevision.WITH_ATTRIBUTION));
        if (violations[0] == 0) {
            out.println("INTACT: every aggregate's chain verifies");
            return INTACT;
        }
        out.printf(Locale.ROOT, "VIOLATED: %,d violation(s) in %,d aggregate(s)%n", violations[0], violatedAggregates.size());
        return VIOLATED;
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(ObjectMapper json, String line, long number)
            throws UnusableExport {
        try {
            return json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UnusableExport("line " + number + " is not JSON (a file cut short, or not an export): "
                    + e.getOriginalMessage());
        }
    }
}
