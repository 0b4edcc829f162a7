package de.efa.registry.query.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of one statistic with fixed columns, as JSON ({@code {"rows": […], "source": …}}) or RFC 4180 CSV (a header
 * row, comma separated, CRLF, fields quoted when they hold a comma, quote or line break).
 */
record StatisticsTable(List<String> columns, List<Map<String, Object>> rows) {

    /** Destatis asks to be named wherever its data is shown (dl-de/by-2-0). */
    static final String SOURCE = "© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV100AD 30.11.2023, dl-de/by-2-0";
    /** The same in ASCII, for an HTTP header. */
    static final String SOURCE_HEADER = "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV100AD 30.11.2023, dl-de/by-2-0";
    static final String LICENSE_LINK = "<https://www.govdata.de/dl-de/by-2-0>; rel=\"license\"";

    Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", rows);
        body.put("source", SOURCE);
        return body;
    }

    String csv() {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns.stream().map(StatisticsTable::field).toList())).append("\r\n");
        for (Map<String, Object> row : rows) {
            out.append(String.join(",", columns.stream().map(c -> field(row.get(c))).toList())).append("\r\n");
        }
        return out.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
