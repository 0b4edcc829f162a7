package de.efa.registry.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text (names, topics, descriptions, URLs) that the registry shows to others: no control characters (line
 * breaks and tabs only where {@link #multiline()}), no bidirectional overrides or isolates that make a name read
 * differently from what it is ("Trojan source"), and no unpaired surrogates, which are not text at all and cannot be
 * stored as UTF-8. Letters of every script and emoji are fine.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must not contain control characters, bidirectional overrides or unpaired surrogates";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
