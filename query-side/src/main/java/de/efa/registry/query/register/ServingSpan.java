package de.efa.registry.query.register;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Days on which an adoption serves its municipality: from {@code from} up to, excluding, {@code until} (null: open).
 * An adoption serves from its {@code effectiveFrom} until its {@code endsOn} or the day its version was retired
 * without a successor, whichever comes first; a switch onto a new version after that resumes it. Dates are ISO days,
 * compared as text.
 */
public record ServingSpan(String from, String until) {

    /** Where a municipality stands with a service (or with any) on one day. */
    public enum Phase {
        /** served on that day */
        LIVE,
        /** not served on that day, but from a later day on */
        PLANNED,
        /** neither */
        NONE
    }

    public boolean liveOn(String day) {
        return from.compareTo(day) <= 0 && (until == null || day.compareTo(until) < 0);
    }

    boolean isEmpty() {
        return until != null && until.compareTo(from) <= 0;
    }

    /** As stored in the statistics contributions: {@code from|until}, until empty while open. */
    public String stored() {
        return from + "|" + (until == null ? "" : until);
    }

    public static ServingSpan parse(String stored) {
        int bar = stored.indexOf('|');
        return new ServingSpan(stored.substring(0, bar), bar == stored.length() - 1 ? null : stored.substring(bar + 1));
    }

    public static List<ServingSpan> parseAll(Collection<?> stored) {
        return stored.stream().map(s -> parse((String) s)).toList();
    }

    public static List<String> storedAll(Collection<ServingSpan> spans) {
        return spans.stream().map(ServingSpan::stored).toList();
    }

    /** LIVE if any span serves on {@code day}; else PLANNED if one starts after it; else NONE. */
    public static Phase phaseOn(Collection<ServingSpan> spans, String day) {
        Phase phase = Phase.NONE;
        for (ServingSpan span : spans) {
            if (span.liveOn(day)) {
                return Phase.LIVE;
            }
            if (span.from.compareTo(day) > 0) {
                phase = Phase.PLANNED;
            }
        }
        return phase;
    }

    /**
     * The spans of one adoption as the register keeps it: {@code f} effective from, {@code e} ends on, {@code us}
     * unsupported since, {@code ug} the gaps ({@code from|until}) in which it was unsupported before a switch resumed
     * it.
     */
    static List<ServingSpan> of(Document adoption) {
        String until = earlier(adoption.getString("e"), adoption.getString("us"));
        List<ServingSpan> spans = new ArrayList<>(List.of(new ServingSpan(adoption.getString("f"), until)));
        for (String gap : adoption.getList("ug", String.class, List.of())) {
            ServingSpan cut = parse(gap);
            List<ServingSpan> rest = new ArrayList<>();
            for (ServingSpan span : spans) {
                rest.add(new ServingSpan(span.from, earlier(span.until, cut.from)));
                if (cut.until != null) {
                    rest.add(new ServingSpan(later(span.from, cut.until), span.until));
                }
            }
            spans = rest;
        }
        spans.removeIf(ServingSpan::isEmpty);
        return spans;
    }

    /** The union of spans, ordered, overlapping and touching ones merged: one municipality's days in few entries. */
    public static List<ServingSpan> union(Collection<ServingSpan> spans) {
        List<ServingSpan> sorted = new ArrayList<>(spans);
        sorted.removeIf(ServingSpan::isEmpty);
        sorted.sort(Comparator.comparing(ServingSpan::from));
        List<ServingSpan> merged = new ArrayList<>();
        for (ServingSpan span : sorted) {
            ServingSpan last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (last.until == null || span.from.compareTo(last.until) <= 0)) {
                merged.set(merged.size() - 1, new ServingSpan(last.from,
                        last.until == null || span.until == null ? null : later(last.until, span.until)));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    private static String earlier(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private static String later(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
