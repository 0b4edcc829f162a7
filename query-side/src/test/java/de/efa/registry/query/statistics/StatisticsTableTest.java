package de.efa.registry.query.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV fields as RFC 4180 wants them, and numbers as digits a spreadsheet reads in any locale. */
class StatisticsTableTest {

    @Test
    void smallSharesAreWrittenAsDigitsNotInScientificNotation() {
        assertThat(StatisticsTable.field(3.0E-5)).isEqualTo("0.00003");
        assertThat(StatisticsTable.field(1.2E-4)).isEqualTo("0.00012");
        assertThat(StatisticsTable.field(0.25)).isEqualTo("0.25");
        assertThat(StatisticsTable.field(1.0)).isEqualTo("1.0");
        assertThat(StatisticsTable.field(0.0)).isEqualTo("0.0");
    }

    @Test
    void textWithCommasQuotesOrLineBreaksIsQuoted() {
        assertThat(StatisticsTable.field("Halle (Saale)")).isEqualTo("Halle (Saale)");
        assertThat(StatisticsTable.field("Gera, Stadt")).isEqualTo("\"Gera, Stadt\"");
        assertThat(StatisticsTable.field("Der \"Dienst\"")).isEqualTo("\"Der \"\"Dienst\"\"\"");
        assertThat(StatisticsTable.field("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(StatisticsTable.field(null)).isEmpty();
    }
}
