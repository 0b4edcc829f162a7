package de.efa.registry.query.statistics;

import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of one statistic, as JSON ({@code {"rows": […], "source": …}}) or RFC 4180 CSV (a header row, comma separated,
 * CRLF, fields quoted when they hold a comma, quote or line break). The CSV columns are the row record's components,
 * in their order: the names and the order Jackson writes in JSON, so both formats always show the same table.
 */
record StatisticsTable<R extends Record>(Class<R> type, List<R> rows) {

    /** Destatis asks to be named wherever its data is shown (dl-de/by-2-0). */
    static final String SOURCE = "© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV100AD 30.11.2023, dl-de/by-2-0";
    /** The same in ASCII, for an HTTP header. */
    static final String SOURCE_HEADER = "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV100AD 30.11.2023, dl-de/by-2-0";
    static final String LICENSE_LINK = "<https://www.govdata.de/dl-de/by-2-0>; rel=\"license\"";

    StatisticsAnswer<R> json() {
        return new StatisticsAnswer<>(rows, SOURCE);
    }

    String csv() {
        List<RecordComponent> columns = Arrays.asList(type.getRecordComponents());
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns.stream().map(c -> field(c.getName())).toList())).append("\r\n");
        for (R row : rows) {
            out.append(String.join(",", columns.stream().map(c -> field(value(c, row))).toList())).append("\r\n");
        }
        return out.toString();
    }

    private static Object value(RecordComponent column, Record row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + column.getName() + " of " + row, e);
        }
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof Double number && text.contains("E")) {
            // a small share (a first adoption in a large state) would read 3.0E-5: spreadsheets and people want digits
            text = BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
