package de.efa.registry.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
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
 * A request body says what it means, in the types the API names. Jackson's own reading is lenient: a number where a
 * text belongs became that text ({@code "name": 123} was stored as "123"), a text where a number belongs became that
 * number, a number where one of a set of words belongs picked the word at that index, a number where a date belongs
 * was taken as days since 1970 ({@code 20240101} became the year 57385), an array as [year, month, day] and a
 * date-time as its date — each a client mistake stored as something nobody meant. Here each is a 400 that names the
 * field. So is a body that names a field twice or holds more than one JSON value.
 * <p>
 * Only the HTTP bodies get this: the event serializer shares the application's {@link ObjectMapper}, and stored events
 * must stay readable as they were written.
 */
@Configuration(proxyBeanMethods = false)
public class StrictBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(strict(json.getObjectMapper()));
            }
        }
    }

    /** A copy of the application's mapper that reads dates strictly and converts no scalar into another kind. */
    static ObjectMapper strict(ObjectMapper shared) {
        ObjectMapper strict = shared.copy().registerModule(dates())
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // {"name":"a","name":"b"} and {…}{…} mean two things at once: which one a reader takes differs from
                // parser to parser (a gateway, a log, an auditor's tool may read the other), so neither is taken
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            // "" or " " is no number either (Jackson reads it as null: an optional number would silently be unset)
            strict.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail).setAcceptBlankAsEmpty(false);
        }
        return strict;
    }

    /** The module that reads {@link LocalDate} strictly; registered after Jackson's own, so it wins. */
    private static SimpleModule dates() {
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
