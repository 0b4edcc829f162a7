package de.efa.registry.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import de.efa.registry.kernel.common.InvalidValueException;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A date in a request body is a JSON string {@code YYYY-MM-DD} and nothing else. Jackson's own reading is lenient: a
 * number is taken as days since 1970 ({@code 20240101} became the year 57385), an array as [year, month, day] and a
 * date-time as its date — each a client mistake that would be stored as a date nobody meant.
 * <p>
 * Only the HTTP bodies get this: the event serializer shares the application's {@link ObjectMapper}, and stored events
 * must stay readable as they were written.
 */
@Configuration(proxyBeanMethods = false)
public class StrictDates implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(json.getObjectMapper().copy().registerModule(module()));
            }
        }
    }

    /** The module that reads {@link LocalDate} strictly; registered after Jackson's own, so it wins. */
    public static SimpleModule module() {
        return new SimpleModule("registry-strict-dates").addDeserializer(LocalDate.class, new Deserializer());
    }

    private static final class Deserializer extends StdScalarDeserializer<LocalDate> {

        private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        Deserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                if (ISO_DATE.matcher(text).matches()) {
                    try {
                        return LocalDate.parse(text);
                    } catch (DateTimeParseException e) {
                        // a day that does not exist (2023-02-30): refused below like any other form
                    }
                }
            }
            throw new InvalidValueException("must be a date that exists, written YYYY-MM-DD");
        }
    }
}
