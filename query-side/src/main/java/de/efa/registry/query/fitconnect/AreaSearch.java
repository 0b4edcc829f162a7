package de.efa.registry.query.fitconnect;

import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.common.ValueObjects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The terms of an area search: 1 to 10, each of at least two characters between its wildcards ({@code *} at the
 * start, the end or between parts: {@code Mag*} finds every area with a word beginning with "Mag"). A term without a
 * wildcard matches a whole word; all terms must match. A term of digits (and wildcards) matches postal codes.
 */
final class AreaSearch {

    static final int MAX_TERMS = 10;
    /** Longer than any name or postal code of the directory (the longest name has about eighty characters). */
    static final int MAX_TERM = 100;
    /** The API's form of a term: parts of at least two characters other than {@code *}, each maybe starred. */
    private static final Pattern TERM = Pattern.compile("(\\*?([^*]{2,})\\*?)*");
    private static final Pattern POSTAL = Pattern.compile("[0-9*]+");

    private final List<Term> terms;

    private AreaSearch(List<Term> terms) {
        this.terms = terms;
    }

    static AreaSearch of(String[] values) {
        if (values == null || values.length == 0) {
            throw new InvalidValueException("areaSearchexpression", "areaSearchexpression is required: 1 to "
                    + MAX_TERMS + " terms");
        }
        if (values.length > MAX_TERMS) {
            throw new InvalidValueException("areaSearchexpression", "areaSearchexpression takes at most " + MAX_TERMS
                    + " terms, got " + values.length);
        }
        List<Term> terms = new ArrayList<>();
        for (String value : values) {
            if (value.length() > MAX_TERM) {
                throw new InvalidValueException("areaSearchexpression", "a term of areaSearchexpression has at most "
                        + MAX_TERM + " characters, got " + value.length());
            }
            if (value.isBlank() || !TERM.matcher(value).matches() || value.strip().replace("*", "").length() < 2) {
                throw new InvalidValueException("areaSearchexpression", "a term of areaSearchexpression needs at least "
                        + "two characters between its wildcards, got '" + ValueObjects.abbreviate(value) + "'");
            }
            terms.add(Term.of(value.strip()));
        }
        return new AreaSearch(List.copyOf(terms));
    }

    /** Whether every term matches the area's name or (a term of digits) one of its postal codes. */
    boolean matches(String name, List<String> postalCodes) {
        for (Term term : terms) {
            boolean found = term.postal()
                    ? postalCodes.stream().anyMatch(term::matchesCode)
                    : term.matchesName(name);
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * A term as its literal parts between wildcards, matched part after part with {@code indexOf} — no regular
     * expression, so that a term of many wildcards costs no backtracking: the leftmost place of each middle part
     * leaves the most room for the rest, so trying only it loses no match.
     */
    private record Term(List<String> parts, boolean leadingWildcard, boolean trailingWildcard, boolean postal) {

        static Term of(String text) {
            String lower = text.toLowerCase(Locale.GERMAN);
            List<String> parts = new ArrayList<>();
            for (String part : lower.split("\\*")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            return new Term(List.copyOf(parts), lower.startsWith("*"), lower.endsWith("*"), POSTAL.matcher(text).matches());
        }

        /** A name: the first part begins a word (unless starred before), the last ends one (unless starred after). */
        boolean matchesName(String name) {
            String text = name.toLowerCase(Locale.GERMAN);
            String first = parts.get(0);
            for (int start = text.indexOf(first); start >= 0; start = text.indexOf(first, start + 1)) {
                if ((leadingWildcard || startsWord(text, start)) && restMatches(text, start + first.length(), false)) {
                    return true;
                }
            }
            return false;
        }

        /** A postal code: the whole code, starred ends excepted. */
        boolean matchesCode(String code) {
            String first = parts.get(0);
            if (leadingWildcard) {
                for (int start = code.indexOf(first); start >= 0; start = code.indexOf(first, start + 1)) {
                    if (restMatches(code, start + first.length(), true)) {
                        return true;
                    }
                }
                return false;
            }
            return code.startsWith(first) && restMatches(code, first.length(), true);
        }

        /** The parts after the first, from {@code from} on; the last must end the code, or a word of a name. */
        private boolean restMatches(String text, int from, boolean wholeCode) {
            int cursor = from;
            if (parts.size() == 1) {
                return trailingWildcard || ends(text, cursor, wholeCode);
            }
            for (int i = 1; i < parts.size() - 1; i++) {
                int at = text.indexOf(parts.get(i), cursor);
                if (at < 0) {
                    return false;
                }
                cursor = at + parts.get(i).length();
            }
            String last = parts.get(parts.size() - 1);
            for (int at = text.indexOf(last, cursor); at >= 0; at = text.indexOf(last, at + 1)) {
                if (trailingWildcard || ends(text, at + last.length(), wholeCode)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean ends(String text, int end, boolean wholeCode) {
            return wholeCode ? end == text.length() : end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
        }

        private static boolean startsWord(String text, int start) {
            return start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
        }
    }
}
