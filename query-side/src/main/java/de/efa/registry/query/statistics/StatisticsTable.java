package de.efa.registry.query.statistics;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of one statistic, as JSON ({@code {"rows": […], "source": …}}) or RFC 4180 CSV (a header row, comma separated,
 * CRLF, fields quoted when they hold a comma, quote or line break; written by Jackson's CSV module; a byte order mark
 * first, and text cells that a spreadsheet would take for a formula neutralised). The CSV columns
 * are the row record's components, in their order: the names and the order Jackson writes in JSON, so both formats
 * always show the same table.
 */
record StatisticsTable<R extends Record>(Class<R> type, List<R> rows) {

    /** Destatis asks to be named wherever its data is shown (dl-de/by-2-0). */
    static final String SOURCE = "© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV100AD 30.11.2023, dl-de/by-2-0";
    /** The same in ASCII, for an HTTP header. */
    static final String SOURCE_HEADER = "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV100AD 30.11.2023, dl-de/by-2-0";
    static final String LICENSE_LINK = "<https://www.govdata.de/dl-de/by-2-0>; rel=\"license\"";

    /** Read first by spreadsheets to tell the file's encoding: UTF-8. */
    static final String BYTE_ORDER_MARK = "\uFEFF";
    /** The first characters that make a spreadsheet read a cell as a formula (or run it): = + - @ tab CR. */
    private static final String FORMULA_START = "=+-@\t\r";

    /** Quotes only what RFC 4180 must quote (not a name with a space or a bracket, as its quick check would). */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    StatisticsAnswer<R> json() {
        return new StatisticsAnswer<>(rows, SOURCE);
    }

    /**
     * The table as a CSV file: it starts with a UTF-8 byte order mark, without which Excel reads the file in the
     * locale's ANSI code page and shows "ThÃ¼ringen"; other readers skip the mark.
     */
    String csv() {
        RecordComponent[] columns = type.getRecordComponents();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        for (RecordComponent column : columns) {
            schema.addColumn(column.getName());
        }
        StringWriter out = new StringWriter();
        out.write(BYTE_ORDER_MARK);
        try (CsvGenerator generator = CSV.getFactory().createGenerator(out)) {
            generator.setSchema(schema.build());
            for (R row : rows) {
                generator.writeStartArray();
                for (RecordComponent column : columns) {
                    String text = text(value(column, row));
                    if (text.indexOf('\n') >= 0) {
                        // the strict check only looks for the line separator's first character (CR), so a lone LF
                        // would go out unquoted and split the row for every reader
                        generator.writeRawValue("\"" + text.replace("\"", "\"\"") + "\"");
                    } else {
                        generator.writeString(text);
                    }
                }
                generator.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + type.getSimpleName() + " as CSV", e);
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

    /** A value as the CSV shows it, an empty field for none; the library quotes it where needed. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && FORMULA_START.indexOf(text.isEmpty() ? 'x' : text.charAt(0)) >= 0) {
            // CSV injection (OWASP): a spreadsheet runs a cell starting like a formula ("=HYPERLINK(…)", "@SUM(…)",
            // "-2+3"); a leading quote makes it text. Only text: a negative number must stay a number
            return "'" + text;
        }
        if (value instanceof Double number && text.contains("E")) {
            // a small share (a first adoption in a large state) would read 3.0E-5: spreadsheets and people want digits
            text = BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return text;
    }
}
