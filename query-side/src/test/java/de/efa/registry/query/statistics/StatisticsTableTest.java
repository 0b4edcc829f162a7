package de.efa.registry.query.statistics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV fields as RFC 4180 wants them, and numbers as digits a spreadsheet reads in any locale. */
class StatisticsTableTest {

    /** A row with a text and a share, as the statistics have them. */
    record Share(String name, double share) {
    }

    @Test
    void smallSharesAreWrittenAsDigitsNotInScientificNotation() {
        assertThat(csv(new Share("a", 3.0E-5), new Share("b", 1.2E-4), new Share("c", 0.25), new Share("d", 1.0),
                new Share("e", 0.0)))
                .isEqualTo("name,share\r\na,0.00003\r\nb,0.00012\r\nc,0.25\r\nd,1.0\r\ne,0.0\r\n");
    }

    @Test
    void textWithCommasQuotesOrLineBreaksIsQuoted() {
        assertThat(csv(new Share("Halle (Saale)", 1), new Share("Gera, Stadt", 1), new Share("Der \"Dienst\"", 1),
                new Share("a\nb", 1), new Share("a\rb", 1), new Share(null, 1), new Share("", 1), new Share("# 1 ", 1)))
                .isEqualTo("name,share\r\nHalle (Saale),1.0\r\n\"Gera, Stadt\",1.0\r\n\"Der \"\"Dienst\"\"\",1.0\r\n"
                        + "\"a\nb\",1.0\r\n\"a\rb\",1.0\r\n,1.0\r\n,1.0\r\n# 1 ,1.0\r\n");
    }

    @Test
    void aTableWithoutRowsIsItsHeader() {
        assertThat(csv()).isEqualTo("name,share\r\n");
    }

    @Test
    void everyFileStartsWithAByteOrderMarkSoThatExcelReadsUtf8() {
        assertThat(new StatisticsTable<>(Share.class, List.of(new Share("Thüringen", 1))).csv())
                .isEqualTo("\uFEFFname,share\r\nThüringen,1.0\r\n");
    }

    @Test
    void textThatASpreadsheetWouldTakeForAFormulaIsNeutralisedNumbersAreNot() {
        assertThat(csv(new Share("=HYPERLINK(\"https://evil.example\",\"Klick\")", -1), new Share("+49 30", 1),
                new Share("-2+3", -0.5), new Share("@SUM(A1:A9)", 1), new Share("\tTab", 1), new Share("\rCR", 1),
                new Share("Bad Sooden-Allendorf", 1), new Share("a=b", 1)))
                .isEqualTo("name,share\r\n\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Klick\"\")\",-1.0\r\n"
                        + "'+49 30,1.0\r\n'-2+3,-0.5\r\n'@SUM(A1:A9),1.0\r\n'\tTab,1.0\r\n\"'\rCR\",1.0\r\n"
                        + "Bad Sooden-Allendorf,1.0\r\na=b,1.0\r\n");
    }

    /** The file without its byte order mark, which every file starts with. */
    private static String csv(Share... rows) {
        String csv = new StatisticsTable<>(Share.class, List.of(rows)).csv();
        assertThat(csv).startsWith(StatisticsTable.BYTE_ORDER_MARK);
        return csv.substring(1);
    }
}
