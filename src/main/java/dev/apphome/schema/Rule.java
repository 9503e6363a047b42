package dev.apphome.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A rule over several keys of one settings record, kept as data next to the record (its static
 * {@code RULES} list). The reader reports every violation in a stack file; a component checks the
 * same rules on the settings it is given ({@link #require}), so settings built in code cannot
 * bypass them.
 *
 * @param check the violations of one record: each with its key, relative to the record's object
 * @param <R>   the settings record
 */
public record Rule<R>(Function<R, List<Violation>> check) {

    /** A violation at {@code key} (relative to the record's object; dotted for nested keys). */
    public record Violation(String key, String message) {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    /** A rule reported at {@code key} when {@code holds} is false. */
    public static <R> Rule<R> of(String key, Predicate<R> holds, Function<R, String> message) {
        return new Rule<>(r -> holds.test(r) ? List.of() : List.of(new Violation(key, message.apply(r))));
    }

    public static <R> Rule<R> of(String key, Predicate<R> holds, String message) {
        return of(key, holds, r -> message);
    }

    /** A rule that may report several violations, e.g. one per map entry. */
    public static <R> Rule<R> each(Function<R, List<Violation>> check) {
        return new Rule<>(check);
    }

    /** Every violation of {@code rules} by {@code settings}, in rule order. */
    public static <R> List<Violation> check(R settings, List<Rule<R>> rules) {
        List<Violation> violations = new ArrayList<>();
        rules.forEach(rule -> violations.addAll(rule.check.apply(settings)));
        return violations;
    }

    /** The rules a settings record keeps in its static {@code RULES} field; none when it has none. */
    public static List<Rule<Object>> of(Class<?> type) {
        return listed(type, "RULES");
    }

    /**
     * What a settings record warns of, in its static {@code WARNINGS} field: allowed, but probably
     * not meant; reported without blocking.
     */
    public static List<Rule<Object>> warningsOf(Class<?> type) {
        return listed(type, "WARNINGS");
    }

    @SuppressWarnings("unchecked")
    private static List<Rule<Object>> listed(Class<?> type, String fieldName) {
        try {
            java.lang.reflect.Field field = type.getDeclaredField(fieldName);
            if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                return List.of();
            }
            field.setAccessible(true);
            return (List<Rule<Object>>) field.get(null);
        } catch (NoSuchFieldException e) {
            return List.of();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Throws {@link IllegalArgumentException} naming every rule that {@code settings}, or any
     * settings record inside it, breaks: a component calls this on what it is given.
     */
    public static <R> R require(R settings) {
        List<String> violations = new ArrayList<>();
        collect(settings, violations);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", violations));
        }
        return settings;
    }

    private static void collect(Object settings, List<String> violations) {
        // Records held in lists and maps (a table's indexes, a topic's subscriptions) have rules too.
        if (settings instanceof java.util.Collection<?> items) {
            items.forEach(item -> collect(item, violations));
            return;
        }
        if (settings instanceof java.util.Map<?, ?> map) {
            map.values().forEach(item -> collect(item, violations));
            return;
        }
        if (settings == null || !settings.getClass().isRecord()) {
            return;
        }
        for (var component : settings.getClass().getRecordComponents()) {
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                Object value = accessor.invoke(settings);
                collect(value instanceof java.util.Optional<?> o ? o.orElse(null) : value, violations);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        List<Violation> found = check(settings, of(settings.getClass()));
        if (!found.isEmpty()) {
            violations.add(settings.getClass().getSimpleName() + " breaks its rules: " + found);
        }
    }
}
