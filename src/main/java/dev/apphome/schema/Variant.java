package dev.apphome.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One shape of a {@link Choice}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Variant {

    /** The choice key's value that picks this variant ({@code web}); for a choice by present keys, its label. */
    String value();

    /** For a choice by present keys: the keys whose presence (with a value other than false) picks it. */
    String[] whenPresent() default {};
}
