package de.efa.registry.query.dv;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The rows of a page as a download: CSV (RFC 4180 quoting by Jackson's CSV module, a UTF-8 byte order mark so that
 * Excel reads the umlauts) or XLSX (Apache POI's streaming workbook, which keeps only a window of rows in memory).
 * Both start with the JSON field names as column heads.
 */
final class DvFiles {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private DvFiles() {
    }

    static String csv(List<DvDataDto> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        for (String column : DvDataDto.COLUMNS) {
            schema.addColumn(column);
        }
        StringWriter out = new StringWriter();
        out.write(BYTE_ORDER_MARK);
        try (CsvGenerator generator = CSV.getFactory().createGenerator(out)) {
            generator.setSchema(schema.build());
            for (DvDataDto row : rows) {
                generator.writeStartArray();
                for (Object value : row.values()) {
                    // names come from the directory and the registry's free-text rule: no line breaks to quote apart
                    generator.writeString(value == null ? "" : value.toString());
                }
                generator.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rows as CSV", e);
        }
        return out.toString();
    }

    static byte[] xlsx(List<DvDataDto> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("data");
            Row head = sheet.createRow(0);
            for (int c = 0; c < DvDataDto.COLUMNS.length; c++) {
                head.createCell(c).setCellValue(DvDataDto.COLUMNS[c]);
            }
            int r = 1;
            for (DvDataDto row : rows) {
                Row line = sheet.createRow(r++);
                Object[] values = row.values();
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof Integer number) {
                        line.createCell(c).setCellValue(number);
                    } else if (values[c] != null) {
                        line.createCell(c).setCellValue(values[c].toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rows as XLSX", e);
        }
    }
}
