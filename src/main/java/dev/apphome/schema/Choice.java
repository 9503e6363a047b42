package dev.apphome.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sealed interface whose permitted records are the shapes one choice allows; each carries
 * {@link Variant}. Their keys sit in the enclosing object beside the choice's own. A component of
 * this type is picked either by its own key's value ({@code kind: web}), or, with
 * {@link #byPresence()}, by which variant's {@link Variant#whenPresent()} keys the object sets
 * ({@code certificateArn}, {@code domain} or {@code plainHttp}); then the component is no key itself
 * and is null when no variant's keys are set.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Choice {

    /** Pick the variant by the keys present rather than by the component key's value. */
    boolean byPresence() default false;

    /** For a choice by presence: when one of the shapes must be set, for the reference. */
    String requiredWhen() default "";
}
