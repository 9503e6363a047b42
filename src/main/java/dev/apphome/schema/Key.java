package dev.apphome.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One stack-file key: a settings record's component, with everything a user needs to know about it
 * in one place. The reader applies {@link #dflt()}, checks {@link #min()}/{@link #max()} and
 * {@link #pattern()}, and the README's configuration reference is generated
 * from the same annotation, so a default or a range is written exactly once.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Key {

    /** What the key means, one line, as the reference shows it. */
    String doc();

    /** The stack-file key when it is not the component's name (a Java keyword such as {@code public}). */
    String name() default "";

    /**
     * The default, written as the stack file would write it ({@code 30}, {@code true}, {@code single},
     * {@code /health}); empty when the key has none (then it is optional, or {@link #required()}).
     */
    String dflt() default "";

    /**
     * A default computed from other keys, in words ({@code desiredCount}); the record's constructor
     * applies it, because it depends on values only the whole record knows.
     */
    String derived() default "";

    /** Whether the stack file must set it. */
    boolean required() default false;

    /** Smallest allowed whole number. */
    long min() default Long.MIN_VALUE;

    /** Largest allowed whole number. */
    long max() default Long.MAX_VALUE;

    /** A regular expression a string must match entirely. */
    String pattern() default "";

    /** What an allowed value looks like, in words, for messages (and the reference) when a value is refused. */
    String allowed() default "";

    /** The unit, when the name does not say it ({@code MiB}, {@code CPU units}). */
    String unit() default "";

    /**
     * For a key of one variant of a choice: the key it follows in messages and in the reference,
     * so that a variant's keys read where a user expects them rather than after the choice key.
     */
    String after() default "";

    /** For a key of one variant: why it is refused for the other variants, appended to that message. */
    String onlyBecause() default "";

    /**
     * For a map of plain values ({@code attributes: {pk: S}}): what one entry's name is called in the
     * reference, which writes the key as {@code attributes.<attribute>}.
     */
    String entry() default "name";
}
