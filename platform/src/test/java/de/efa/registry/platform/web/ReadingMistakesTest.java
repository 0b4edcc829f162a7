package de.efa.registry.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The words of a body mistake: what is ambiguous, which words an enum takes — never Jackson's own message. */
class ReadingMistakesTest {

    enum Reuse { EFA, STATE_ONLY }

    record Service(String name, Reuse reuse) {
    }

    record Facts(Integer ozgId, Boolean evaluated) {
    }

    private final ObjectMapper strict = StrictBodies.strict(new ObjectMapper());

    @Test
    void aFieldNamedTwiceIsNamed() {
        Throwable failure = catchThrowable(() -> strict.readValue("{\"name\":\"a\",\"name\":\"b\"}", Map.class));
        assertThat(ReadingMistakes.ambiguousBody(failure))
                .hasValue("The request body names the field 'name' more than once; name every field once");
    }

    @Test
    void aHugeFieldNameIsShownShortened() {
        String huge = "n".repeat(10_000);
        Throwable failure = catchThrowable(() -> strict.readValue("{\"" + huge + "\":1,\"" + huge + "\":2}", Map.class));
        assertThat(ReadingMistakes.ambiguousBody(failure)).get().asString().hasSizeLessThan(200).contains("n".repeat(100) + "…");
    }

    @Test
    void aSecondValueAfterTheFirstIsNamed() {
        Throwable failure = catchThrowable(() -> strict.readValue("{\"name\":\"a\"}{\"name\":\"b\"}", Service.class));
        assertThat(ReadingMistakes.ambiguousBody(failure)).hasValue("The request body holds more than one JSON value; send exactly one");
    }

    @Test
    void anUnknownWordListsTheWordsAllowed() {
        Throwable failure = catchThrowable(() -> strict.readValue("{\"reuse\":\"ALL\"}", Service.class));
        assertThat(ReadingMistakes.allowedValues(failure)).hasValue("must be one of EFA, STATE_ONLY");
        assertThat(ReadingMistakes.allowedValues(String.class)).isEmpty();
        assertThat(ReadingMistakes.ambiguousBody(failure)).isEmpty();
    }

    @Test
    void aBlankOrEmptyTextIsNoNumberAndNoYesOrNo() {
        assertThat(catchThrowable(() -> strict.readValue("{\"ozgId\":\" \"}", Facts.class))).isNotNull();
        assertThat(catchThrowable(() -> strict.readValue("{\"ozgId\":\"\"}", Facts.class))).isNotNull();
        assertThat(catchThrowable(() -> strict.readValue("{\"evaluated\":\" \"}", Facts.class))).isNotNull();
        assertThat(catchThrowable(() -> strict.readValue("{\"ozgId\":null,\"evaluated\":null}", Facts.class))).isNull();
    }
}
