package de.efa.registry.query.lookup;

import com.github.benmanes.caffeine.cache.Interner;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a kept lookup document costs in memory, measured from the object graph (JOL), for documents shaped like those
 * of a register with a million adoptions: ~92 intervals per municipality over 120 services in three versions, dates
 * spread over six years. The figure per interval is the one docs/operations.md gives for
 * {@code registry.lookup.cache.max-intervals}; the cache is bounded by intervals, so this is what bounds its memory.
 */
class KeptLookupDocumentFootprintTest {

    static {
        // records' field offsets are not handed out by Unsafe; JOL then finds them by its own means
        System.setProperty("jol.magicFieldOffset", "true");
    }

    private static final int MUNICIPALITIES = 500;
    private static final int INTERVALS_PER_MUNICIPALITY = 92;

    @Test
    void aKeptIntervalCostsAboutItsAdoptionIdBecauseEverythingElseIsShared() {
        List<LookupDocument> read = documentsAsRead();
        Interner<String> strings = Interner.newWeakInterner();
        List<LookupDocument> kept = read.stream().map(d -> d.sharing(strings::intern)).toList();
        long intervals = (long) MUNICIPALITIES * INTERVALS_PER_MUNICIPALITY;

        double keptPerInterval = GraphLayout.parseInstance(kept.toArray()).totalSize() / (double) intervals;
        double readPerInterval = GraphLayout.parseInstance(read.toArray()).totalSize() / (double) intervals;

        // an interval object, its slot in the list and its adoption id (a 36-character UUID); the service ids,
        // versions and dates (and the few distinct strings they are made of) are counted once for all documents
        assertThat(keptPerInterval).isLessThan(130);
        // as read, every interval holds four more strings of its own
        assertThat(readPerInterval).isGreaterThan(2 * keptPerInterval);
        System.out.printf("kept lookup documents: %.1f bytes per interval (as read: %.1f)%n",
                keptPerInterval, readPerInterval);
    }

    /** Documents parsed from their stored form, as a read from the store leaves them: every string its own. */
    private static List<LookupDocument> documentsAsRead() {
        Random random = new Random(42);
        List<String> services = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            services.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        LocalDate first = LocalDate.of(2020, 1, 1);
        List<LookupDocument> documents = new ArrayList<>();
        for (int m = 0; m < MUNICIPALITIES; m++) {
            List<Interval> intervals = new ArrayList<>();
            for (int i = 0; i < INTERVALS_PER_MUNICIPALITY; i++) {
                LocalDate from = first.plusDays(random.nextInt(6 * 365));
                String stored = UUID.randomUUID() + " " + services.get(random.nextInt(services.size())) + " "
                        + "1." + random.nextInt(3) + ".0 " + from + (random.nextInt(4) == 0 ? " " + from.plusDays(200) : "");
                intervals.add(Interval.parse(stored));
            }
            documents.add(new LookupDocument("Gemeinde " + m, "16", List.copyOf(intervals)));
        }
        return documents;
    }
}
