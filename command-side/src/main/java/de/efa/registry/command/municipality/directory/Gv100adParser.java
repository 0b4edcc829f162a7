package de.efa.registry.command.municipality.directory;

import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.region.RegionKey;
import de.efa.registry.kernel.region.RegionLevel;
import de.efa.registry.platform.web.PlainTextValidator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Federal Statistical Office's fixed-width GV100AD format. Positions count characters of the decoded text,
 * never bytes. District and association names come from their {@code 40} and {@code 50} records, which precede their
 * municipalities in the file.
 * <p>
 * The regions come from the records {@code 10} (state: positions 11–12), {@code 20} (government region: 11–13),
 * {@code 40} (district: 11–15) and {@code 50} (association: 11–15 and 19–22), each with its name at 23–72 (the seat
 * of administration at 73–122 is not kept). Their population and municipality count are the sums over the
 * municipalities ({@code 60}) whose ARS starts with the region's digits: those records carry no figures of their own.
 * Records {@code 30} (BW's planning regions) are skipped: they are not part of the ARS, so no level of the register.
 * <p>
 * Every record is checked before anything is stored, and one bad record refuses the whole file
 * ({@link DirectoryRefused}, naming the bad lines): its length, its type and date, the names (the free-text rule of
 * every other name in the registry), the municipality's numbers, and that no municipality is listed twice.
 */
final class Gv100adParser {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /**
     * Every record of the format has exactly this many characters (the official file and the demo file do). A shorter
     * one was cut (its missing population would read as 0), a longer one has shifted columns — what a file decoded in
     * the wrong charset looks like: a UTF-8 "ö" read as ISO-8859-1 is two characters.
     */
    static final int RECORD_LENGTH = 220;
    /**
     * The most inhabitants a municipality may have. Germany's largest, Berlin, has 3.76 million (3,755,251 in the
     * shipped directory) and never had more than 4.5 million (1942); five million leaves room for growth, while a
     * shifted column or a slipped digit reads as tens of millions or billions.
     */
    static final long MAX_POPULATION = 5_000_000L;

    private Gv100adParser() {
    }

    static MunicipalityDirectory parse(String text) {
        Map<String, String> districtNames = new HashMap<>();
        Map<String, String> associationNames = new HashMap<>();
        Map<Ags, Integer> listedOn = new HashMap<>();
        List<DirectoryEntry> municipalities = new ArrayList<>();
        Map<RegionKey, RegionRecord> regions = new LinkedHashMap<>();
        BadRecords bad = new BadRecords();
        LocalDate gebietsstand = null;
        int states = 0;
        int districts = 0;
        int lineNumber = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String fault = faultOfRecord(line);
            if (fault != null) {
                bad.add(lineNumber, fault);
                continue;
            }
            String type = line.substring(0, 2);
            try {
                LocalDate date = LocalDate.parse(line.substring(2, 10), DATE);
                if (gebietsstand == null) {
                    gebietsstand = date;
                }
                String district = line.substring(10, 15);
                switch (type) {
                    case "10" -> {
                        states++;
                        region(RegionLevel.STATE, line.substring(10, 12), line, lineNumber, regions, bad);
                    }
                    case "20" -> region(RegionLevel.GOVERNMENT_REGION, line.substring(10, 13), line, lineNumber, regions, bad);
                    case "40" -> {
                        districts++;
                        districtNames.put(district, name(line));
                        region(RegionLevel.DISTRICT, district, line, lineNumber, regions, bad);
                    }
                    case "50" -> {
                        associationNames.put(district + line.substring(18, 22), name(line));
                        region(RegionLevel.ASSOCIATION, district + line.substring(18, 22), line, lineNumber, regions, bad);
                    }
                    case "60" -> {
                        DirectoryEntry entry = municipality(line, districtNames, associationNames);
                        Integer first = listedOn.putIfAbsent(entry.ags(), lineNumber);
                        if (first != null) {
                            bad.add(lineNumber, "repeats the municipality " + entry.ags() + " of line " + first);
                        } else {
                            municipalities.add(entry);
                        }
                    }
                    case "30" -> {
                        // BW's planning regions (Regionalverbände) are not part of the ARS: no level of the register
                    }
                    default -> throw new InvalidValueException("unknown record type '" + type + "'");
                }
            } catch (InvalidValueException | NumberFormatException e) {
                bad.add(lineNumber, e.getMessage());
            } catch (DateTimeParseException e) {
                bad.add(lineNumber, "the date (positions 3–10) must be a day that exists, written YYYYMMDD");
            }
        }
        bad.refuseIfAny();
        if (municipalities.isEmpty()) {
            throw new InvalidValueException("body", "The file holds no municipality records (Satzart 60): is it a GV100AD file?");
        }
        return new MunicipalityDirectory(gebietsstand, states, districts, List.copyOf(municipalities),
                regionsWithTheirFigures(regions, municipalities));
    }

    private record RegionRecord(RegionKey key, String name, int line) {
    }

    private static void region(RegionLevel level, String digits, String line, int lineNumber,
                               Map<RegionKey, RegionRecord> regions, BadRecords bad) {
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException("the key of the " + level + " (positions 11–" + (10 + digits.length())
                    + (level == RegionLevel.ASSOCIATION ? " and 19–22" : "") + ") must be digits");
        }
        RegionKey key = RegionKey.of(level, digits);
        RegionRecord first = regions.putIfAbsent(key, new RegionRecord(key, name(line), lineNumber));
        if (first != null) {
            bad.add(lineNumber, "repeats the " + level + " " + key.ars() + " of line " + first.line());
        }
    }

    /**
     * Each region with the sum of its municipalities' populations and their count, and its parent: the next level up
     * that the file lists (a district's government region where its state has them, else the state).
     */
    private static List<RegionEntry> regionsWithTheirFigures(Map<RegionKey, RegionRecord> regions,
                                                             List<DirectoryEntry> municipalities) {
        Map<RegionKey, long[]> figures = new HashMap<>();
        for (DirectoryEntry m : municipalities) {
            for (RegionLevel level : ABOVE_MUNICIPALITIES) {
                long[] sum = figures.computeIfAbsent(RegionKey.of(level, m.ars().value()), k -> new long[2]);
                sum[0] += m.population();
                sum[1]++;
            }
        }
        List<RegionEntry> entries = new ArrayList<>(regions.size());
        for (RegionRecord region : regions.values()) {
            long[] sum = figures.getOrDefault(region.key(), new long[2]);
            entries.add(new RegionEntry(region.key(), region.name(), parentOf(region.key(), regions),
                    sum[0], (int) sum[1]));
        }
        return List.copyOf(entries);
    }

    private static final List<RegionLevel> ABOVE_MUNICIPALITIES = List.of(RegionLevel.STATE,
            RegionLevel.GOVERNMENT_REGION, RegionLevel.DISTRICT, RegionLevel.ASSOCIATION);

    private static Ars parentOf(RegionKey key, Map<RegionKey, RegionRecord> regions) {
        int at = ABOVE_MUNICIPALITIES.indexOf(key.level());
        for (int above = at - 1; above >= 0; above--) {
            RegionKey candidate = RegionKey.of(ABOVE_MUNICIPALITIES.get(above), key.ars().value());
            if (regions.containsKey(candidate) || above == 0) {
                return candidate.ars();
            }
        }
        return null;
    }

    /** What makes the record unreadable as a whole, or null. */
    private static String faultOfRecord(String line) {
        if (line.length() != RECORD_LENGTH) {
            return "is " + line.length() + " characters long; every GV100AD record has " + RECORD_LENGTH
                    + " (cut short, or read in the wrong charset)";
        }
        if (!PlainTextValidator.isPlain(line, false)) {
            // the rule of every free text of the registry (@PlainText), on the whole record: names are shown to others
            return "holds a control character, a bidirectional override or an unpaired surrogate";
        }
        return null;
    }

    private static DirectoryEntry municipality(String line, Map<String, String> districtNames, Map<String, String> associationNames) {
        String district = line.substring(10, 15);
        String association = line.substring(18, 22);
        String ags = district + line.substring(15, 18);
        return new DirectoryEntry(Ags.of(ags), Ars.of(district + association + line.substring(15, 18)), name(line),
                DistrictKey.of(district), districtNames.get(district), associationNames.get(district + association),
                population(line), number(line, 129, 139, "area"), blankToNull(field(line, 166, 170)));
    }

    private static String name(String line) {
        String name = field(line, 23, 72);
        if (name.isEmpty()) {
            throw new InvalidValueException("the name (positions 23–72) is blank");
        }
        return name;
    }

    private static long population(String line) {
        long population = number(line, 140, 150, "population");
        if (population > MAX_POPULATION) {
            throw new InvalidValueException("the population " + population + " is more than any German municipality has"
                    + " (at most " + MAX_POPULATION + ")");
        }
        return population;
    }

    /** 1-based inclusive positions, as the format describes them. */
    private static String field(String line, int from, int to) {
        return line.substring(from - 1, to).strip();
    }

    /** A number fills its field with digits, zero-padded: a blank field is a record cut short, not a zero. */
    private static long number(String line, int from, int to, String what) {
        String digits = line.substring(from - 1, to);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException("the " + what + " (positions " + from + "–" + to + ") must be "
                    + (to - from + 1) + " digits");
        }
        return Long.parseLong(digits);
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
