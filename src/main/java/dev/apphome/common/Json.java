package dev.apphome.common;

import com.google.gson.GsonBuilder;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON documents (policies, container definitions) written as Java maps and lists whose leaves may
 * be {@link Output}s, rendered to one {@code Output<String>} once every leaf is known. The result
 * is secret if any leaf is.
 */
public final class Json {

    private Json() {
    }

    /** Renders any tree of maps, lists, strings, numbers and outputs as JSON. */
    public static Output<String> render(Object tree) {
        List<Output<?>> outputs = new ArrayList<>();
        collect(tree, outputs);
        if (outputs.isEmpty()) {
            return Output.of(toJson(substitute(tree, List.of(), new int[]{0})));
        }
        return Output.all(outputs.stream().map(o -> o.applyValue(v -> (Object) v)).toList())
                .applyValue(values -> toJson(substitute(tree, values, new int[]{0})));
    }

    private static void collect(Object node, List<Output<?>> outputs) {
        if (node instanceof Output<?> output) {
            outputs.add(output);
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, outputs));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, outputs));
        }
    }

    private static Object substitute(Object node, List<Object> values, int[] next) {
        if (node instanceof Output<?>) {
            return values.get(next[0]++);
        }
        if (node instanceof Map<?, ?> map) {
            // Insertion order where the map has one; otherwise (Map.of iterates in a random order per
            // JVM) sorted, so that the same program always renders the same document.
            Map<Object, Object> copy = map instanceof LinkedHashMap<?, ?> || map instanceof java.util.SortedMap<?, ?>
                    ? new LinkedHashMap<>() : new java.util.TreeMap<>();
            map.forEach((k, v) -> copy.put(k, substitute(v, values, next)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(substitute(v, values, next)));
            return copy;
        }
        return node;
    }

    private static String toJson(Object tree) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(tree);
    }
}
