package dev.apphome.plan;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a plan as the document {@code pulumi preview --json} prints (the CLI's preview digest), field
 * for field: top-level {@code config}, {@code steps} and {@code changeSummary}; each step's {@code op},
 * {@code urn}, {@code provider}, {@code newState} and {@code detailedDiff}; fields the CLI leaves out
 * when empty or false are left out here too, and map keys are sorted as Go writes them.
 *
 * <p>Two things differ from a real preview of a new stack, on purpose: outside preview mode every
 * custom resource carries the mocked {@code id} and {@code outputs} (as after {@code pulumi up}), which
 * the policy pack's stack policies and the tests read; in preview mode outputs are the inputs plus
 * unknowns for what AWS computes, which is what the engine's stack analysis sees. Like the CLI, the
 * document has no step for the default provider (the engine hides default-provider steps) and no
 * stack outputs (the root stack's step is written before the program registers them).
 */
public final class PlanDocument {

    private PlanDocument() {
    }

    public static Map<String, Object> toDocument(PlanRunner.Result result) {
        return toDocument(result, Map.of());
    }

    /**
     * @param projectDefaults config defaults declared in Pulumi.yaml ({@code apphome:logRetentionDays}
     *                        to {@code 30}), which the CLI adds to the stack's config when the stack
     *                        file does not set the key
     */
    public static Map<String, Object> toDocument(PlanRunner.Result result, Map<String, String> projectDefaults) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (PlannedResource resource : result.resources()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("op", "create");
            step.put("urn", resource.urn());
            putIfNotEmpty(step, "provider", resource.options().provider());
            step.put("newState", state(resource));
            step.put("detailedDiff", null);
            steps.add(step);
        }
        Map<String, String> config = new TreeMap<>(projectDefaults);
        result.config().forEach((k, v) -> config.put(k, v.startsWith("{") || v.startsWith("[") ? sortedJson(v) : v));
        Map<String, Object> document = new LinkedHashMap<>();
        if (!config.isEmpty()) {
            document.put("config", config);
        }
        document.put("steps", steps);
        document.put("changeSummary", Map.of("create", steps.size()));
        return document;
    }

    /** A resource's new state, in the field order and with the omissions of the CLI's state format. */
    private static Map<String, Object> state(PlannedResource resource) {
        PlannedResource.Options options = resource.options();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("urn", resource.urn());
        state.put("custom", resource.custom());
        putIfNotEmpty(state, "id", resource.id());
        state.put("type", resource.type());
        if (!resource.inputs().isEmpty()) {
            state.put("inputs", sorted(resource.inputs()));
        }
        if (resource.custom() && !resource.outputs().isEmpty()) {
            state.put("outputs", sorted(resource.outputs()));
        }
        putIfNotEmpty(state, "parent", resource.parent());
        if (resource.protect()) {
            state.put("protect", true);
        }
        if (!resource.dependencies().isEmpty()) {
            state.put("dependencies", resource.dependencies());
        }
        putIfNotEmpty(state, "provider", options.provider());
        // The engine records a (possibly empty) dependency list for every input.
        Map<String, List<String>> propertyDependencies = new TreeMap<>();
        resource.inputs().keySet().forEach(k -> propertyDependencies.put(k, List.of()));
        propertyDependencies.putAll(resource.propertyDependencies());
        if (!propertyDependencies.isEmpty()) {
            state.put("propertyDependencies", propertyDependencies);
        }
        if (!options.additionalSecretOutputs().isEmpty()) {
            state.put("additionalSecretOutputs", options.additionalSecretOutputs());
        }
        if (!options.aliases().isEmpty()) {
            state.put("aliases", options.aliases());
        }
        if (!options.customTimeouts().isEmpty()) {
            state.put("customTimeouts", new TreeMap<>(options.customTimeouts()));
        }
        if (resource.retainOnDelete()) {
            state.put("retainOnDelete", true);
        }
        putIfNotEmpty(state, "deletedWith", options.deletedWith());
        if (!options.ignoreChanges().isEmpty()) {
            state.put("ignoreChanges", options.ignoreChanges());
        }
        if (!options.replaceOnChanges().isEmpty()) {
            state.put("replaceOnChanges", options.replaceOnChanges());
        }
        return state;
    }

    private static void putIfNotEmpty(Map<String, Object> into, String key, String value) {
        if (value != null && !value.isEmpty()) {
            into.put(key, value);
        }
    }

    /** Maps with their keys sorted, at every depth, as Go's JSON encoder writes them. */
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new TreeMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), sorted(v)));
            return result;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlanDocument::sorted).toList();
        }
        return value;
    }

    /** An object or list config value as the CLI keeps it: compact JSON with sorted keys. */
    private static String sortedJson(String json) {
        try {
            return GSON_COMPACT.toJson(sortedElement(JsonParser.parseString(json)));
        } catch (JsonParseException e) {
            return json; // a plain string that happens to start with a bracket
        }
    }

    private static JsonElement sortedElement(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject result = new JsonObject();
            new TreeMap<>(element.getAsJsonObject().asMap()).forEach((k, v) -> result.add(k, sortedElement(v)));
            return result;
        }
        if (element.isJsonArray()) {
            JsonArray result = new JsonArray();
            element.getAsJsonArray().forEach(e -> result.add(sortedElement(e)));
            return result;
        }
        return element;
    }

    private static final com.google.gson.Gson GSON_COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    /**
     * The config defaults a Pulumi.yaml declares, keyed as the CLI keys them (a key without a
     * namespace belongs to the project) with values as the CLI passes them (strings). Empty when the
     * file declares none or cannot be read: the program has already read it successfully by then.
     */
    public static Map<String, String> projectDefaults(Path pulumiYaml) {
        Map<String, String> defaults = new TreeMap<>();
        try {
            Object document = dev.apphome.config.StackFile.yaml(pulumiYaml);
            if (document instanceof Map<?, ?> project && project.get("config") instanceof Map<?, ?> config) {
                String name = String.valueOf(project.get("name"));
                config.forEach((k, v) -> {
                    if (v instanceof Map<?, ?> declaration && declaration.containsKey("default")) {
                        String key = String.valueOf(k).contains(":") ? String.valueOf(k) : name + ":" + k;
                        Object value = declaration.get("default");
                        defaults.put(key, value instanceof Map<?, ?> || value instanceof List<?>
                                ? sortedJson(GSON_COMPACT.toJson(value)) : String.valueOf(value));
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return defaults;
    }

    public static String toJson(PlanRunner.Result result) {
        return toJson(result, Map.of());
    }

    public static String toJson(PlanRunner.Result result, Map<String, String> projectDefaults) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                .toJson(toDocument(result, projectDefaults));
    }

    /** The resource tree, indented the way {@code pulumi preview} prints it. */
    public static String tree(PlanRunner.Result result) {
        Map<String, List<PlannedResource>> children = new LinkedHashMap<>();
        List<PlannedResource> roots = new ArrayList<>();
        for (PlannedResource r : result.resources()) {
            if (r.parent().isEmpty()) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (PlannedResource root : roots) {
            collect(root, "", "", children, rows);
        }
        int width = rows.stream().mapToInt(r -> r[1].length()).max().orElse(4) + 2;
        StringBuilder out = new StringBuilder(String.format("     %-" + width + "s%s%n", "Type", "Name"));
        rows.forEach(r -> out.append(String.format("%s%-" + width + "s%s%n", r[0], r[1], r[2])));
        return out.toString();
    }

    private static void collect(PlannedResource node, String lead, String branch,
                                Map<String, List<PlannedResource>> children, List<String[]> rows) {
        rows.add(new String[]{node.protect() ? " + 🔒 " : " +   ", lead + branch + node.type(), node.name()});
        List<PlannedResource> kids = children.getOrDefault(node.urn(), List.of());
        String nextLead = lead + (branch.isEmpty() ? "" : branch.startsWith("└") ? "   " : "│  ");
        for (int i = 0; i < kids.size(); i++) {
            collect(kids.get(i), nextLead, i == kids.size() - 1 ? "└─ " : "├─ ", children, rows);
        }
    }
}
