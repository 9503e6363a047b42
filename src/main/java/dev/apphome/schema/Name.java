package dev.apphome.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The component that receives an entry's name when a record is a value of a map keyed by name
 * ({@code services.<name>}, {@code buckets.<name>}). The name is not a key of its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Name {

    /** What the entry is called in messages, e.g. {@code service}. */
    String noun();

    /** A regular expression the name must match. */
    String pattern();

    /** What an allowed name looks like, in words. */
    String allowed();
}
