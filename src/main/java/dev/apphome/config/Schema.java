package dev.apphome.config;

import dev.apphome.schema.Choice;
import dev.apphome.schema.Key;
import dev.apphome.schema.Name;
import dev.apphome.schema.Rule;
import dev.apphome.schema.Spelling;
import dev.apphome.schema.Variant;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a settings record says about itself through its annotations: its keys in the order a user
 * reads them, its choices and their variants, its name component and its rules. Read once per
 * record type; both the reader and the reference generator work from this, so they cannot disagree.
 */
final class Schema {

    /** One key of a record: a plain component, or a variant's component flattened into its object. */
    record Entry(RecordComponent component, String key, Key annotation) {
        Type type() {
            return component.getGenericType();
        }
    }

    /** One shape of a choice. */
    record Shape(Class<?> type, String label, List<String> whenPresent, List<Entry> entries) {
    }

    /** A component whose type is a {@link Choice}. */
    record ChoiceEntry(RecordComponent component, Key annotation, boolean byPresence, List<Shape> shapes) {
        /** The key whose value picks the shape; null for a choice by present keys. */
        String key() {
            return byPresence ? null : component.getName();
        }

        Optional<Shape> shape(String label) {
            return shapes.stream().filter(s -> s.label.equals(label)).findFirst();
        }

        List<String> labels() {
            return shapes.stream().map(Shape::label).toList();
        }
    }

    /** Everything about one record type. */
    record Layout(Class<?> type, RecordComponent name, Name nameAnnotation, List<Object> components,
                  List<Rule<Object>> rules, List<Rule<Object>> warnings) {

        /** Plain entries (not choices), in component order. */
        List<Entry> entries() {
            return components.stream().filter(Entry.class::isInstance).map(Entry.class::cast).toList();
        }

        List<ChoiceEntry> choices() {
            return components.stream().filter(ChoiceEntry.class::isInstance).map(ChoiceEntry.class::cast).toList();
        }
    }

    private static final Map<Class<?>, Layout> LAYOUTS = new ConcurrentHashMap<>();

    private Schema() {
    }

    static Layout of(Class<?> type) {
        // Not computeIfAbsent: reading a layout reads its shapes' layouts.
        Layout layout = LAYOUTS.get(type);
        if (layout == null) {
            layout = read(type);
            LAYOUTS.putIfAbsent(type, layout);
        }
        return layout;
    }

    private static Layout read(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type + " is not a record");
        }
        RecordComponent name = null;
        Name nameAnnotation = null;
        List<Object> components = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Name n = component.getAnnotation(Name.class);
            if (n != null) {
                name = component;
                nameAnnotation = n;
                continue;
            }
            Class<?> raw = component.getType();
            Choice choice = raw.getAnnotation(Choice.class);
            if (choice != null) {
                components.add(new ChoiceEntry(component, component.getAnnotation(Key.class), choice.byPresence(),
                        shapes(raw)));
                continue;
            }
            Key key = component.getAnnotation(Key.class);
            if (key == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + component.getName() + " has no @Key");
            }
            components.add(new Entry(component, key.name().isEmpty() ? component.getName() : key.name(), key));
        }
        return new Layout(type, name, nameAnnotation, List.copyOf(components), Rule.of(type), Rule.warningsOf(type));
    }

    private static List<Shape> shapes(Class<?> sealed) {
        if (!sealed.isSealed()) {
            throw new IllegalStateException(sealed + " carries @Choice but is not sealed");
        }
        List<Shape> shapes = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            Variant variant = permitted.getAnnotation(Variant.class);
            if (variant == null) {
                throw new IllegalStateException(permitted + " has no @Variant");
            }
            List<Entry> entries = of(permitted).entries();
            shapes.add(new Shape(permitted, variant.value(), List.of(variant.whenPresent()), entries));
        }
        return List.copyOf(shapes);
    }

    /**
     * The keys of an object in the order a user reads them: plain keys and choice keys in component
     * order, each shape's keys where their {@link Key#after()} puts them (else right after the choice
     * key); only the given shapes' keys, or every shape's when {@code shapes} is null.
     */
    static List<String> keyOrder(Layout layout, Map<ChoiceEntry, List<Shape>> shapes) {
        List<String> order = new ArrayList<>();
        List<Entry> pending = new ArrayList<>();
        for (Object component : layout.components()) {
            if (component instanceof Entry e) {
                order.add(e.key());
            } else if (component instanceof ChoiceEntry c) {
                if (!c.byPresence()) {
                    order.add(c.key());
                }
                List<Shape> chosen = shapes == null ? c.shapes() : shapes.getOrDefault(c, List.of());
                for (Shape shape : chosen) {
                    for (Entry e : shape.entries()) {
                        if (!pending.stream().map(Entry::key).toList().contains(e.key())) {
                            pending.add(e);
                        }
                    }
                }
            }
        }
        // Place each shape key after its anchor; anchors may themselves be shape keys, so repeat.
        boolean moved = true;
        while (!pending.isEmpty() && moved) {
            moved = false;
            for (Entry e : List.copyOf(pending)) {
                String anchor = e.annotation().after();
                int at = anchor.isEmpty() ? -1 : order.indexOf(anchor);
                if (anchor.isEmpty() || at >= 0) {
                    order.add(anchor.isEmpty() ? order.size() : at + 1, e.key());
                    pending.remove(e);
                    moved = true;
                }
            }
        }
        pending.forEach(e -> order.add(e.key()));
        return order.stream().distinct().toList();
    }

    /** How a constant is written in stack files: its {@link Spelling}, else its name in camelCase. */
    static String spelling(Enum<?> constant) {
        try {
            Spelling spelling = constant.getDeclaringClass().getField(constant.name()).getAnnotation(Spelling.class);
            if (spelling != null) {
                return spelling.value();
            }
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
        String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return out.toString();
    }

    static List<String> spellings(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> spelling((Enum<?>) c)).toList();
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported settings type " + type);
    }

    static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }
}
