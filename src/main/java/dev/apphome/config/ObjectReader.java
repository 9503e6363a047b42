package dev.apphome.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads one object of a stack file's structured config, recording a {@link Problem} for every
 * value of the wrong type or out of range, and — on {@link #finish()} — for every key it was never
 * asked for, so that a misspelled key is reported instead of silently ignored.
 *
 * <p>Readers never throw: a bad value yields the default so that reading goes on and every problem
 * of the file is found in one run.
 */
public final class ObjectReader {

    private static final int SHOWN_VALUE_LIMIT = 60;

    private final Problems problems;
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> known = new LinkedHashSet<>();

    private ObjectReader(Problems problems, String path, Map<String, Object> values) {
        this.problems = problems;
        this.path = path;
        this.values = values;
    }

    /** A reader over {@code value}, which must be an object (or absent, read as empty). */
    public static ObjectReader of(Problems problems, String path, Object value) {
        if (value == null) {
            return new ObjectReader(problems, path, Map.of());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return new ObjectReader(problems, path, copy);
        }
        problems.add(path, "expected an object of keys, found " + describe(value));
        return new ObjectReader(problems, path, Map.of());
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    public String pathOf(String key) {
        return path + "." + key;
    }

    public boolean has(String key) {
        known.add(key);
        return values.containsKey(key) && values.get(key) != null;
    }

    /** Keys present in this object, in file order. */
    public Set<String> keys() {
        return values.keySet();
    }

    public String string(String key, String defaultValue) {
        known.add(key);
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String s) {
            return s;
        }
        problems.add(pathOf(key), "expected a string, found " + describe(value));
        return defaultValue;
    }

    /** A string that must be present; {@code allowed} says what a valid value looks like. */
    public String requiredString(String key, String allowed) {
        known.add(key);
        if (!values.containsKey(key) || values.get(key) == null) {
            problems.add(pathOf(key), "is required; set it to " + allowed);
            return null;
        }
        return string(key, null);
    }

    /** A string matching {@code rule}; otherwise a problem naming {@code allowed}. */
    public String string(String key, String defaultValue, Predicate<String> rule, String allowed) {
        String value = string(key, null);
        if (value == null) {
            return defaultValue;
        }
        if (!rule.test(value)) {
            problems.add(pathOf(key), "found " + quote(value) + "; allowed: " + allowed);
            return defaultValue;
        }
        return value;
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Integer value = optionalInteger(key, min, max);
        return value == null ? defaultValue : value;
    }

    public Integer optionalInteger(String key, int min, int max) {
        known.add(key);
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        Long number = asWholeNumber(value);
        if (number == null) {
            problems.add(pathOf(key), "expected a whole number from " + min + " to " + max + ", found "
                    + describe(value));
            return null;
        }
        if (number < min || number > max) {
            problems.add(pathOf(key), "found " + number + "; allowed: a whole number from " + min + " to " + max);
            return null;
        }
        return number.intValue();
    }

    public boolean bool(String key, boolean defaultValue) {
        known.add(key);
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.parseBoolean(s);
        }
        problems.add(pathOf(key), "expected true or false, found " + describe(value));
        return defaultValue;
    }

    public <E extends Enum<E> & ConfigEnum> E choice(String key, Class<E> type, E defaultValue) {
        known.add(key);
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.configValue().equals(value)) {
                return constant;
            }
        }
        List<String> spellings = Arrays.stream(constants).map(ConfigEnum::configValue).toList();
        problems.add(pathOf(key), "found " + describe(value) + "; allowed: one of " + String.join(", ", spellings)
                + suggestion(String.valueOf(value), spellings));
        return defaultValue;
    }

    public List<String> stringList(String key) {
        known.add(key);
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add(pathOf(key), "expected a list of strings, found " + describe(value));
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String s) {
                result.add(s);
            } else {
                problems.add(pathOf(key) + "[" + i + "]", "expected a string, found " + describe(item));
            }
        }
        return List.copyOf(result);
    }

    public Map<String, String> stringMap(String key) {
        known.add(key);
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(pathOf(key), "expected an object of string values, found " + describe(value));
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof String s) {
                result.put(String.valueOf(k), s);
            } else if (v instanceof Number || v instanceof Boolean) {
                // Environment values are strings in a task definition; 8080 and true are meant as text.
                result.put(String.valueOf(k), String.valueOf(v instanceof Number n ? asWholeNumberOrText(n) : v));
            } else {
                problems.add(pathOf(key) + "." + k, "expected a string, found " + describe(v));
            }
        });
        return java.util.Collections.unmodifiableMap(result);
    }

    /** A nested object; absent reads as empty so that its defaults apply. */
    public ObjectReader object(String key) {
        known.add(key);
        return of(problems, pathOf(key), values.get(key));
    }

    public Optional<ObjectReader> optionalObject(String key) {
        known.add(key);
        return values.get(key) == null ? Optional.empty() : Optional.of(of(problems, pathOf(key), values.get(key)));
    }

    /** Reports every key that no read asked for, with the closest allowed spelling. */
    public void finish() {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                problems.add(pathOf(key), "unknown key" + suggestion(key, known) + "; allowed keys here: "
                        + String.join(", ", known));
            }
        }
    }

    /** " (did you mean 'x'?)" when one candidate is within two edits, else empty. */
    public static String suggestion(String found, java.util.Collection<String> candidates) {
        return candidates.stream()
                .filter(c -> !c.equals(found))
                .map(c -> Map.entry(c, distance(found.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= Math.max(1, Math.min(2, found.length() / 3)))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(e -> "; did you mean '" + e.getKey() + "'?")
                .orElse("");
    }

    /** Edit distance counting a swap of two neighbouring characters as one edit (the commonest typo). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Number n) {
            return String.valueOf(asWholeNumberOrText(n));
        }
        return String.valueOf(value);
    }

    private static String quote(String s) {
        String shown = s.length() > SHOWN_VALUE_LIMIT ? s.substring(0, SHOWN_VALUE_LIMIT) + "…" : s;
        return "'" + shown + "'";
    }

    private static Object asWholeNumberOrText(Number n) {
        Long whole = asWholeNumber(n);
        return whole != null ? whole : n;
    }

    private static Long asWholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? (long) d : null;
        }
        if (value instanceof String s && s.matches("-?\\d{1,18}")) {
            return Long.parseLong(s);
        }
        return null;
    }

    private static Double parseDouble(Object value) {
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Joins allowed spellings for messages. */
    public static String oneOf(java.util.Collection<?> values) {
        return "one of " + values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
