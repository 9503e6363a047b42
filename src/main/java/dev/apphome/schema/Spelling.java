package dev.apphome.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an enum constant is written in a stack file when the default (its name in camelCase:
 * {@code ONE_PER_AZ} → {@code onePerAz}) does not fit, e.g. {@code x86_64}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Spelling {
    String value();
}
