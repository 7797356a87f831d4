package io.etlfleet.api.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a string component of a request body record as free text (a description, a reason):
 * it may hold TAB, LF and CR. Every other control character is refused there as everywhere
 * (see {@link RefusedCharacters}). Components of nested records are found too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface FreeText {
}
