package de.efa.registry.command.municipality.directory;

import de.efa.registry.kernel.common.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file's charset: as declared, else told apart by the bytes — never a guess that shifts the columns. */
class DirectoryTextTest {

    @Test
    void utf8AndIso88591AreToldApartWithoutADeclaration() {
        assertThat(DirectoryText.decode("Göttingen".getBytes(StandardCharsets.UTF_8))).isEqualTo("Göttingen");
        assertThat(DirectoryText.decode("Göttingen".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("Göttingen");
        assertThat(DirectoryText.decode("\uFEFFGöttingen".getBytes(StandardCharsets.UTF_8))).isEqualTo("Göttingen");
    }

    @Test
    void aDeclaredCharsetIsTakenAtItsWord() {
        byte[] latin1 = "Göttingen".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(DirectoryText.decode(latin1, StandardCharsets.ISO_8859_1)).isEqualTo("Göttingen");
        assertThatThrownBy(() -> DirectoryText.decode(latin1, StandardCharsets.UTF_8))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("byte 1 ");
    }

    @Test
    void utf8WithOneBrokenByteIsRefusedNotReadAsIso88591() throws IOException {
        // the attack: one invalid byte in a record's blanks made the whole UTF-8 file read as ISO-8859-1, every umlaut
        // two characters, and Göttingen got the columns beside its population: 20,000,011,894 inhabitants
        byte[] broken = Gv100adParserTest.demo().getBytes(StandardCharsets.UTF_8);
        int blank = broken.length - 2;
        assertThat(broken[blank]).isEqualTo((byte) ' ');
        broken[blank] = (byte) 0xFF;
        assertThatThrownBy(() -> DirectoryText.decode(broken)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("byte " + blank + " ");
        assertThatThrownBy(() -> DirectoryText.decode(broken, StandardCharsets.UTF_8)).isInstanceOf(InvalidValueException.class);
    }
}
