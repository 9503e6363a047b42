package dev.apphome.config;

import dev.apphome.common.LogRetention;
import dev.apphome.schema.Key;
import dev.apphome.wiring.StoreKind;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configuration reference, written from the settings records' annotations: one row per key
 * with its type, default and meaning. The README holds its output, and a test fails when the two
 * differ, so the reference cannot drift from what the reader accepts.
 */
public final class Reference {

    private Reference() {
    }

    /** The reference table in Markdown. */
    public static String markdown(List<StoreKind<?, ?>> kinds) {
        List<String[]> rows = new ArrayList<>();
        Schema.Layout top = Schema.of(TopLevel.class);
        for (String key : StackSettingsReader.keys(kinds)) {
            Optional<Schema.Entry> entry = top.entries().stream().filter(e -> e.key().equals(key)).findFirst();
            if (entry.isPresent()) {
                value(rows, key, entry.get().type(), entry.get().annotation(), "", kinds);
            } else {
                StoreKind<?, ?> kind = kinds.stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow();
                record(rows, kind.named() ? key + ".<name>" : key, kind.settings(), "", kinds);
            }
        }
        StringBuilder out = new StringBuilder("| key | type | default | meaning |\n|---|---|---|---|\n");
        for (String[] row : rows) {
            out.append("| `").append(row[0]).append("` | ").append(row[1]).append(" | ").append(row[2]).append(" | ")
                    .append(row[3]).append(" |\n");
        }
        return out.toString();
    }

    private static void value(List<String[]> rows, String path, Type type, Key key, String only,
                              List<StoreKind<?, ?>> kinds) {
        Class<?> cls = Schema.rawClass(type);
        if (cls == Map.class && Schema.rawClass(Schema.argument(type, 1)).isRecord()) {
            record(rows, path + ".<" + (key == null ? "name" : key.entry()) + ">", Schema.rawClass(Schema.argument(type, 1)),
                    only, kinds);
        } else if (cls == Map.class && Schema.rawClass(Schema.argument(type, 1)).isEnum()) {
            rows.add(new String[]{path + ".<" + key.entry() + ">", bare(Schema.rawClass(Schema.argument(type, 1)), key),
                    dflt(key), meaning(key) + only});
        } else if (cls == Map.class && Schema.argument(type, 1) == Object.class) {
            rows.add(new String[]{path, "JSON object", dflt(key), meaning(key) + only});
        } else if (cls == List.class && Schema.rawClass(Schema.argument(type, 0)).isRecord()) {
            rows.add(new String[]{path, "list of objects", "—", meaning(key) + only});
            record(rows, path + "[]", Schema.rawClass(Schema.argument(type, 0)), only, kinds);
        } else if (cls == Optional.class) {
            record(rows, path, Schema.rawClass(Schema.argument(type, 0)), only, kinds);
        } else if (cls == dev.apphome.wiring.Uses.class) {
            for (StoreKind<?, ?> kind : kinds) {
                String access = kind.access() == Boolean.class ? "boolean"
                        : Schema.spellings(kind.access()).stream().map(s -> "`" + s + "`").collect(Collectors.joining(" \\| "));
                rows.add(new String[]{path + "." + kind.key() + (kind.named() ? ".<name>" : ""), access,
                        kind.access() == Boolean.class ? "false" : "—",
                        (kind.named() ? "access to the " + kind.noun() + " of that name in `" + kind.key() + "`"
                                : kind.access() == Boolean.class ? "whether it uses the stack's " + kind.noun()
                                : "access to the stack's " + kind.noun()) + only});
            }
        } else if (cls.isRecord() && cls != LogRetention.class) {
            record(rows, path, cls, only, kinds);
        } else {
            rows.add(new String[]{path, type(cls, key), dflt(key), meaning(key) + only});
        }
    }

    private static void record(List<String[]> rows, String path, Class<?> type, String only, List<StoreKind<?, ?>> kinds) {
        Schema.Layout layout = Schema.of(type);
        for (String key : Schema.keyOrder(layout, null)) {
            Optional<Schema.Entry> plain = layout.entries().stream().filter(e -> e.key().equals(key)).findFirst();
            if (plain.isPresent()) {
                value(rows, path + "." + key, plain.get().type(), plain.get().annotation(), only, kinds);
                continue;
            }
            for (Schema.ChoiceEntry choice : layout.choices()) {
                if (key.equals(choice.key())) {
                    Key a = choice.annotation();
                    rows.add(new String[]{path + "." + key, choice.labels().stream().map(l -> "`" + l + "`")
                            .collect(Collectors.joining(" \\| ")), dflt(a), a.doc() + only});
                    continue;
                }
                List<Schema.Shape> having = choice.shapes().stream()
                        .filter(s -> s.entries().stream().anyMatch(e -> e.key().equals(key))).toList();
                if (having.isEmpty()) {
                    continue;
                }
                Schema.Entry e = having.get(0).entries().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
                if (choice.byPresence()) {
                    // Required only as part of its shape, which is one of several.
                    rows.add(new String[]{path + "." + key, type(Schema.rawClass(e.type()), e.annotation()), "—",
                            meaning(e.annotation()) + " (one of " + Words.or(choice.shapes().stream()
                                    .map(sh -> "`" + sh.whenPresent().get(0) + "`").toList()) + required(choice) + ")"
                                    + only});
                    continue;
                }
                String scope = " (" + choice.key() + " " + Words.or(having.stream()
                        .map(Schema.Shape::label).toList()) + ")";
                value(rows, path + "." + key, e.type(), e.annotation(), only + scope, kinds);
            }
        }
    }

    private static String required(Schema.ChoiceEntry choice) {
        String when = choice.component().getType().getAnnotation(dev.apphome.schema.Choice.class).requiredWhen();
        return when.isEmpty() ? "" : ", required when " + when;
    }

    private static String type(Class<?> cls, Key key) {
        String unit = key == null || key.unit().isEmpty() ? "" : " (" + key.unit() + ")";
        return bare(cls, key) + unit;
    }

    private static String bare(Class<?> cls, Key key) {
        if (cls == String.class) {
            return "string";
        }
        if (cls == int.class || cls == Integer.class) {
            return "integer " + key.min() + "–" + key.max();
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return "boolean";
        }
        if (cls == LogRetention.class) {
            return "integer (" + Words.oneOf(LogRetention.ALLOWED) + ")";
        }
        if (cls.isEnum()) {
            return Schema.spellings(cls).stream().map(s -> "`" + s + "`").collect(Collectors.joining(" \\| "));
        }
        if (cls == List.class) {
            return key != null && key.min() != Long.MIN_VALUE ? "list of integers " + key.min() + "–" + key.max()
                    : "list of strings";
        }
        if (cls == Map.class) {
            return "map of strings";
        }
        return cls.getSimpleName();
    }

    private static String dflt(Key key) {
        if (key == null) {
            return "—";
        }
        if (key.required()) {
            return "required";
        }
        if (!key.dflt().isEmpty()) {
            return "`" + key.dflt() + "`";
        }
        if (!key.derived().isEmpty()) {
            return key.derived();
        }
        return "—";
    }

    private static String meaning(Key key) {
        String allowed = key.allowed().isEmpty() || key.allowed().startsWith("a whole number") ? ""
                : "; allowed: " + key.allowed();
        return key.doc() + allowed;
    }
}
