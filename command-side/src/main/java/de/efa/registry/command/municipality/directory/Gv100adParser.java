package de.efa.registry.command.municipality.directory;

import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.DistrictKey;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Federal Statistical Office's fixed-width GV100AD format (see shared/data/README.md). Positions count
 * characters of the decoded text, never bytes. District and association names come from their {@code 40} and
 * {@code 50} records, which precede their municipalities in the file.
 */
final class Gv100adParser {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int RECORD_LENGTH = 220;

    private Gv100adParser() {
    }

    static MunicipalityDirectory parse(String text) {
        Map<String, String> districtNames = new HashMap<>();
        Map<String, String> associationNames = new HashMap<>();
        List<String[]> pending = new ArrayList<>();
        List<DirectoryEntry> municipalities = new ArrayList<>();
        LocalDate gebietsstand = null;
        int states = 0;
        int districts = 0;
        int lineNumber = 0;
        for (String raw : text.split("\r?\n")) {
            lineNumber++;
            if (raw.isBlank()) {
                continue;
            }
            String line = raw.length() >= RECORD_LENGTH ? raw : raw + " ".repeat(RECORD_LENGTH - raw.length());
            String type = line.substring(0, 2);
            try {
                LocalDate date = LocalDate.parse(line.substring(2, 10), DATE);
                if (gebietsstand == null) {
                    gebietsstand = date;
                }
                String district = line.substring(10, 15);
                switch (type) {
                    case "10" -> states++;
                    case "40" -> {
                        districts++;
                        districtNames.put(district, field(line, 23, 72));
                    }
                    case "50" -> associationNames.put(district + line.substring(18, 22), field(line, 23, 72));
                    case "60" -> municipalities.add(municipality(line, districtNames, associationNames));
                    case "20", "30" -> {
                        // government regions and BW's regions are not part of the register
                    }
                    default -> throw new InvalidValueException("unknown record type '" + type + "'");
                }
            } catch (InvalidValueException | DateTimeParseException | NumberFormatException e) {
                throw new InvalidValueException("body", "GV100AD line " + lineNumber + " is invalid: " + e.getMessage());
            }
        }
        if (municipalities.isEmpty()) {
            throw new InvalidValueException("body", "The file holds no municipality records (Satzart 60): is it a GV100AD file?");
        }
        return new MunicipalityDirectory(gebietsstand, states, districts, List.copyOf(municipalities));
    }

    private static DirectoryEntry municipality(String line, Map<String, String> districtNames, Map<String, String> associationNames) {
        String district = line.substring(10, 15);
        String association = line.substring(18, 22);
        String ags = district + line.substring(15, 18);
        return new DirectoryEntry(Ags.of(ags), Ars.of(district + association + line.substring(15, 18)), field(line, 23, 72),
                DistrictKey.of(district), districtNames.get(district), associationNames.get(district + association),
                number(line, 140, 150), number(line, 129, 139), blankToNull(field(line, 166, 170)));
    }

    /** 1-based inclusive positions, as the format describes them. */
    private static String field(String line, int from, int to) {
        return line.substring(from - 1, to).strip();
    }

    private static long number(String line, int from, int to) {
        String digits = field(line, from, to);
        return digits.isEmpty() ? 0L : Long.parseLong(digits);
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
