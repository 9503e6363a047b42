package dev.apphome.config;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds configuration values, as the Pulumi CLI passes them (objects and lists from JSON, top-level
 * scalars as strings), to settings records, reading everything it needs to know from the records'
 * annotations ({@link Schema}). Every problem is recorded with its key path, what was found and what
 * is allowed; nothing throws. A value that cannot be bound makes its record unbound too
 * ({@link #FAILED}), so a record's rules only ever judge a complete record and a wrong value never
 * cascades into errors about values that were never read. Unknown keys are reported but do not
 * unbind their record.
 */
final class SettingsReader {

    /** What a value that could not be bound reads as. */
    static final Object FAILED = new Object() {
        @Override
        public String toString() {
            return "FAILED";
        }
    };

    /** Reads one type that is not a record or a plain value (e.g. a service's {@code uses}). */
    @FunctionalInterface
    interface Adapter {
        Object read(SettingsReader reader, String path, Object raw, Key key);
    }

    private final Problems problems;
    private final Map<Class<?>, Adapter> adapters;

    SettingsReader(Problems problems, Map<Class<?>, Adapter> adapters) {
        this.problems = problems;
        this.adapters = Map.copyOf(adapters);
    }

    Problems problems() {
        return problems;
    }

    /** {@code apphome:} + {@code network} → {@code apphome:network}; {@code a.b} + {@code c} → {@code a.b.c}. */
    static String child(String path, String key) {
        if (key.isEmpty()) {
            return path;
        }
        return path.endsWith(":") ? path + key : path + "." + key;
    }

    /** Binds {@code raw} to {@code type}; {@link #FAILED} when it cannot. */
    Object value(Type type, String path, Object raw, Key key) {
        Class<?> cls = Schema.rawClass(type);
        Adapter adapter = adapters.get(cls);
        if (raw == null) {
            return absent(type, cls, path, key, adapter);
        }
        if (adapter != null) {
            return adapter.read(this, path, raw, key);
        }
        if (cls == String.class) {
            return string(path, raw, key);
        }
        if (cls == int.class || cls == Integer.class) {
            return integer(path, raw, key);
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return bool(path, raw);
        }
        if (cls.isEnum()) {
            return choice(cls, path, raw);
        }
        if (cls == List.class) {
            return list(type, path, raw, key);
        }
        if (cls == Map.class) {
            return map(type, path, raw);
        }
        if (cls == Optional.class) {
            Object bound = record(Schema.rawClass(Schema.argument(type, 0)), path, raw, null);
            return bound == FAILED ? FAILED : Optional.of(bound);
        }
        if (cls.isRecord()) {
            return record(cls, path, raw, null);
        }
        throw new IllegalStateException("unsupported settings type " + type + " at " + path);
    }

    private Object absent(Type type, Class<?> cls, String path, Key key, Adapter adapter) {
        if (key != null && key.required()) {
            problems.add(path, "is required; allowed: " + allowed(cls, key));
            return FAILED;
        }
        if (key != null && !key.dflt().isEmpty()) {
            // A list's default is written as the stack file would write it: [80, 100].
            Object dflt = cls == List.class && key.dflt().startsWith("[")
                    ? new com.google.gson.Gson().fromJson(key.dflt(), List.class) : key.dflt();
            return value(type, path, dflt, key);
        }
        if (adapter != null) {
            return adapter.read(this, path, null, key);
        }
        if (cls == Optional.class) {
            return Optional.empty();
        }
        if (cls == List.class) {
            return List.of();
        }
        if (cls == Map.class) {
            return Map.of();
        }
        if (cls.isRecord()) {
            return record(cls, path, null, null);
        }
        if (cls.isPrimitive()) {
            throw new IllegalStateException(path + " is a primitive with neither a default nor required");
        }
        return null;
    }

    /** What an allowed value is, in words: the key's own description, else one derived from the type. */
    static String allowed(Class<?> cls, Key key) {
        if (key != null && !key.allowed().isEmpty()) {
            return key.allowed();
        }
        if (cls.isEnum()) {
            return Words.oneOf(Schema.spellings(cls));
        }
        if ((cls == int.class || cls == Integer.class) && key != null) {
            return "a whole number from " + key.min() + " to " + key.max();
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return "true or false";
        }
        return "a value";
    }

    private Object string(String path, Object raw, Key key) {
        if (raw instanceof Number n) {
            problems.add(path, "found the number " + Words.describe(n) + ", but this is text; write it in quotes, e.g. "
                    + path.substring(path.lastIndexOf('.') + 1) + ": \"" + Words.describe(n)
                    + "\" (YAML reads an unquoted 8.0 as a number, and the Pulumi CLI passes it on as 8)");
            return FAILED;
        }
        if (!(raw instanceof String s)) {
            problems.add(path, "expected a string, found " + Words.describe(raw));
            return FAILED;
        }
        if (key != null && !key.pattern().isEmpty() && !Pattern.compile(key.pattern()).matcher(s).matches()) {
            problems.add(path, "found " + Words.quote(s) + "; allowed: " + allowed(String.class, key));
            return FAILED;
        }
        return s;
    }

    private Object integer(String path, Object raw, Key key) {
        Long number = Words.wholeNumber(raw);
        if (number == null) {
            problems.add(path, "expected a whole number from " + key.min() + " to " + key.max() + ", found "
                    + Words.describe(raw));
            return FAILED;
        }
        if (number < key.min() || number > key.max()) {
            problems.add(path, "found " + number + "; allowed: a whole number from " + key.min() + " to " + key.max());
            return FAILED;
        }
        return number.intValue();
    }

    private Object bool(String path, Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.parseBoolean(s);
        }
        String hint = raw instanceof String s && s.toLowerCase(java.util.Locale.ROOT).matches("yes|no|on|off|y|n")
                ? "; write true or false: YAML 1.2, as the Pulumi CLI reads stack files, takes " + s + " as a string" : "";
        problems.add(path, "expected true or false, found " + Words.describe(raw) + hint);
        return FAILED;
    }

    Object choice(Class<?> type, String path, Object raw) {
        List<String> spellings = Schema.spellings(type);
        if (raw instanceof String s) {
            for (Object constant : type.getEnumConstants()) {
                if (Schema.spelling((Enum<?>) constant).equals(s)) {
                    return constant;
                }
            }
        }
        problems.add(path, "found " + Words.describe(raw) + "; allowed: " + Words.oneOf(spellings)
                + Words.suggestion(String.valueOf(raw), spellings));
        return FAILED;
    }

    private Object list(Type type, String path, Object raw, Key key) {
        Type element = Schema.argument(type, 0);
        if (element instanceof Class<?> c && c.isRecord()) {
            return records(c, path, raw);
        }
        if (element == Integer.class) {
            return integers(path, raw, key);
        }
        if (element != String.class) {
            throw new IllegalStateException("unsupported list of " + element + " at " + path);
        }
        if (!(raw instanceof List<?> items)) {
            problems.add(path, "expected a list of strings, found " + Words.describe(raw));
            return FAILED;
        }
        List<String> result = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            Object bound = item instanceof String ? string(path + "[" + i + "]", item, key) : null;
            if (bound == null) {
                problems.add(path + "[" + i + "]", "expected a string, found " + Words.describe(item));
            }
            if (bound == null || bound == FAILED) {
                failed = true;
            } else {
                result.add((String) bound);
            }
        }
        return failed ? FAILED : List.copyOf(result);
    }

    /** A list of objects, each bound to {@code type} at {@code path[i]}. */
    private Object records(Class<?> type, String path, Object raw) {
        if (!(raw instanceof List<?> items)) {
            problems.add(path, "expected a list of objects, found " + Words.describe(raw));
            return FAILED;
        }
        List<Object> result = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < items.size(); i++) {
            Object bound = record(type, path + "[" + i + "]", items.get(i), null);
            if (bound == FAILED) {
                failed = true;
            } else {
                result.add(bound);
            }
        }
        return failed ? FAILED : List.copyOf(result);
    }

    private Object integers(String path, Object raw, Key key) {
        if (!(raw instanceof List<?> items)) {
            problems.add(path, "expected a list of whole numbers from " + key.min() + " to " + key.max() + ", found "
                    + Words.describe(raw));
            return FAILED;
        }
        List<Integer> result = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < items.size(); i++) {
            Object bound = integer(path + "[" + i + "]", items.get(i), key);
            if (bound == FAILED) {
                failed = true;
            } else {
                result.add((Integer) bound);
            }
        }
        return failed ? FAILED : List.copyOf(result);
    }

    private Object map(Type type, String path, Object raw) {
        Type valueType = Schema.argument(type, 1);
        Class<?> valueClass = Schema.rawClass(valueType);
        if (valueClass.isRecord()) {
            return named(valueClass, path, raw);
        }
        if (valueClass == Object.class) {
            return document(path, raw);
        }
        if (valueClass.isEnum()) {
            return choices(valueClass, path, raw);
        }
        if (valueClass != String.class) {
            throw new IllegalStateException("unsupported map of " + valueType + " at " + path);
        }
        if (!(raw instanceof Map<?, ?> entries)) {
            problems.add(path, "expected an object of string values, found " + Words.describe(raw));
            return FAILED;
        }
        Map<String, String> result = new LinkedHashMap<>();
        boolean failed = false;
        for (var e : entries.entrySet()) {
            Object v = e.getValue();
            if (v instanceof String s) {
                result.put(String.valueOf(e.getKey()), s);
            } else if (v instanceof Number || v instanceof Boolean) {
                // Environment values are strings in a task definition; 8080 and true are meant as text.
                result.put(String.valueOf(e.getKey()), Words.describe(v));
            } else {
                problems.add(path + "." + e.getKey(), "expected a string, found " + Words.describe(v));
                failed = true;
            }
        }
        return failed ? FAILED : Collections.unmodifiableMap(result);
    }

    /** Name to one of an enum's spellings, e.g. {@code {pk: S, sk: N}}; any entry that is not one unbinds the map. */
    private Object choices(Class<?> type, String path, Object raw) {
        if (!(raw instanceof Map<?, ?> entries)) {
            problems.add(path, "expected an object of names to " + Words.oneOf(Schema.spellings(type)) + ", found "
                    + Words.describe(raw));
            return FAILED;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        boolean failed = false;
        for (var e : entries.entrySet()) {
            Object bound = choice(type, child(path, String.valueOf(e.getKey())), e.getValue());
            if (bound == FAILED) {
                failed = true;
            } else {
                result.put(String.valueOf(e.getKey()), bound);
            }
        }
        return failed ? FAILED : Collections.unmodifiableMap(result);
    }

    /**
     * A JSON object kept as it is written (an SNS filter policy): objects, lists, strings, numbers
     * and booleans; its record's rules judge its shape.
     */
    private Object document(String path, Object raw) {
        if (!(raw instanceof Map<?, ?>)) {
            problems.add(path, "expected an object, found " + Words.describe(raw));
            return FAILED;
        }
        return frozen(raw);
    }

    private static Object frozen(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), frozen(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (node instanceof List<?> list) {
            return Collections.unmodifiableList(list.stream().map(SettingsReader::frozen).toList());
        }
        return node;
    }

    /**
     * Entries of a map keyed by name ({@code services.<name>}), each bound to {@code type} with its
     * name. An entry that cannot be bound is left out; the others are kept, so that rules across
     * entries still judge them (names of left-out entries remain known to the raw configuration).
     */
    Object named(Class<?> type, String path, Object raw) {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> entries)) {
            problems.add(path, "expected an object of keys, found " + Words.describe(raw));
            return FAILED;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (var e : entries.entrySet()) {
            String name = String.valueOf(e.getKey());
            Object bound = record(type, child(path, name), e.getValue(), name);
            if (bound != FAILED) {
                result.put(name, bound);
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** Binds an object to a record: its keys, its choices' shapes, its unknown keys, then its rules. */
    Object record(Class<?> type, String path, Object raw, String entryName) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
        } else if (raw != null) {
            problems.add(path, "expected an object of keys, found " + Words.describe(raw));
            return FAILED;
        }
        Schema.Layout layout = Schema.of(type);
        if (layout.name() != null && !Pattern.compile(layout.nameAnnotation().pattern()).matcher(entryName).matches()) {
            problems.add(path, layout.nameAnnotation().noun() + " name '" + entryName + "' is not allowed; allowed: "
                    + layout.nameAnnotation().allowed());
        }
        Map<Schema.ChoiceEntry, List<Schema.Shape>> shown = new HashMap<>();
        Set<String> silent = new HashSet<>();
        Map<Schema.ChoiceEntry, Schema.Shape> chosen = new HashMap<>();
        Object bound = components(layout, path, values, entryName, shown, silent, chosen);
        reportUnknownKeys(layout, path, values, shown, silent, chosen);
        return bound;
    }

    /** Binds a record's components from {@code values}, recording which shape each choice took. */
    private Object components(Schema.Layout layout, String path, Map<String, Object> values, String entryName,
                              Map<Schema.ChoiceEntry, List<Schema.Shape>> shown, Set<String> silent,
                              Map<Schema.ChoiceEntry, Schema.Shape> chosen) {
        RecordComponent[] components = layout.type().getRecordComponents();
        Object[] args = new Object[components.length];
        boolean failed = false;
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            if (layout.name() != null && component.getName().equals(layout.name().getName())) {
                args[i] = entryName;
                continue;
            }
            Object descriptor = layout.components().stream()
                    .filter(c -> (c instanceof Schema.Entry e ? e.component()
                            : ((Schema.ChoiceEntry) c).component()).getName().equals(component.getName()))
                    .findFirst().orElseThrow();
            Object value;
            if (descriptor instanceof Schema.Entry e) {
                value = value(e.type(), child(path, e.key()), values.get(e.key()), e.annotation());
            } else {
                value = shape((Schema.ChoiceEntry) descriptor, path, values, shown, silent, chosen);
            }
            if (value == FAILED) {
                failed = true;
            } else {
                args[i] = value;
            }
        }
        if (failed) {
            return FAILED;
        }
        Object instance = construct(layout.type(), args);
        for (Rule.Violation v : Rule.check(instance, layout.rules())) {
            problems.add(child(path, v.key()), v.message());
        }
        for (Rule.Violation v : Rule.check(instance, layout.warnings())) {
            problems.warn(child(path, v.key()), v.message());
        }
        return instance;
    }

    /** The shape a choice takes in {@code values}, bound; null for a choice by presence that none matches. */
    private Object shape(Schema.ChoiceEntry choice, String path, Map<String, Object> values,
                         Map<Schema.ChoiceEntry, List<Schema.Shape>> shown, Set<String> silent,
                         Map<Schema.ChoiceEntry, Schema.Shape> chosen) {
        Schema.Shape shape;
        if (choice.byPresence()) {
            List<Schema.Shape> present = choice.shapes().stream()
                    .filter(s -> s.whenPresent().stream().anyMatch(k -> isSet(values.get(k))))
                    .toList();
            if (present.size() > 1) {
                problems.add(path, "sets more than one of " + Words.and(choice.shapes().stream()
                        .map(s -> s.whenPresent().get(0)).toList()) + "; allowed: exactly one");
                shown.put(choice, choice.shapes());
                choice.shapes().forEach(s -> s.entries().forEach(e -> silent.add(e.key())));
                return FAILED;
            }
            if (present.isEmpty()) {
                shown.put(choice, choice.shapes());
                return null;
            }
            shape = present.get(0);
        } else {
            String key = choice.key();
            Object raw = values.get(key);
            String label;
            if (raw == null) {
                if (choice.annotation().required()) {
                    problems.add(child(path, key), "is required; allowed: " + (choice.annotation().allowed().isEmpty()
                            ? Words.oneOf(choice.labels()) : choice.annotation().allowed()));
                    label = null;
                } else {
                    label = choice.annotation().dflt();
                }
            } else {
                label = raw instanceof String s && choice.shape(s).isPresent() ? s : null;
                if (label == null) {
                    problems.add(child(path, key), "found " + Words.describe(raw) + "; allowed: "
                            + Words.oneOf(choice.labels()) + Words.suggestion(String.valueOf(raw), choice.labels()));
                }
            }
            if (label == null) {
                // Which keys belong is unknown: judge none of the shapes' keys rather than all of them wrongly.
                shown.put(choice, choice.shapes());
                choice.shapes().forEach(s -> s.entries().forEach(e -> silent.add(e.key())));
                return FAILED;
            }
            shape = choice.shape(label).orElseThrow();
        }
        shown.put(choice, List.of(shape));
        chosen.put(choice, shape);
        return components(Schema.of(shape.type()), path, values, null, shown, silent, chosen);
    }

    private static boolean isSet(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !"false".equals(value);
    }

    private void reportUnknownKeys(Schema.Layout layout, String path, Map<String, Object> values,
                                   Map<Schema.ChoiceEntry, List<Schema.Shape>> shown, Set<String> silent,
                                   Map<Schema.ChoiceEntry, Schema.Shape> chosen) {
        List<String> allowed = Schema.keyOrder(layout, shown);
        List<String> everyKey = new ArrayList<>(Schema.keyOrder(layout, null));
        for (String key : values.keySet()) {
            if (allowed.contains(key) || silent.contains(key)) {
                continue;
            }
            Optional<String> elsewhere = otherShape(key, chosen);
            if (elsewhere.isPresent()) {
                problems.add(child(path, key), elsewhere.get());
                continue;
            }
            problems.add(child(path, key), "unknown key" + Words.nonAscii(key) + Words.suggestion(key, everyKey)
                    + "; allowed keys here: " + String.join(", ", allowed));
        }
    }

    /** For a key of a shape other than the chosen one: "is set with kind worker; allowed only with kind web or internal". */
    private static Optional<String> otherShape(String key, Map<Schema.ChoiceEntry, Schema.Shape> chosen) {
        for (var e : chosen.entrySet()) {
            Schema.ChoiceEntry choice = e.getKey();
            List<Schema.Shape> having = choice.shapes().stream()
                    .filter(s -> s.entries().stream().anyMatch(x -> x.key().equals(key))).toList();
            if (having.isEmpty()) {
                continue;
            }
            String because = having.get(0).entries().stream().filter(x -> x.key().equals(key)).findFirst()
                    .map(x -> x.annotation().onlyBecause()).orElse("");
            String choiceKey = choice.byPresence() ? "" : choice.key() + " ";
            return Optional.of("is set with " + choiceKey + e.getValue().label() + "; allowed only with " + choiceKey
                    + Words.or(having.stream().map(Schema.Shape::label).toList())
                    + (because.isEmpty() ? "" : " (" + because + ")"));
        }
        return Optional.empty();
    }

    private static Object construct(Class<?> type, Object[] args) {
        try {
            Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("settings record " + type.getSimpleName() + " refused its values",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
