package dev.apphome.diff;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A document of the shape {@code pulumi preview --json} prints: {@code bin/plan --json} writes one
 * whose every step is a {@code create}, and a real preview (with {@code --show-sames}) one whose
 * steps carry the engine's own operations, old and new states, {@code diffReasons},
 * {@code replaceReasons} and {@code detailedDiff}. Only what the diff needs is read.
 */
public final class PreviewDocument {

    /** The operations that end with the old resource gone and a new one in its place. */
    static final Set<String> REPLACING = Set.of("replace", "create-replacement", "delete-replaced",
            "import-replacement", "read-replacement", "discard-replaced");
    /** The operations after which the resource is no longer in the stack. */
    static final Set<String> REMOVING = Set.of("delete", "delete-replaced", "discard", "discard-replaced",
            "remove-pending-replace", "read-discard");
    private static final Set<String> KNOWN = Set.of("same", "create", "update", "delete", "replace", "read", "refresh",
            "import", "create-replacement", "delete-replaced", "read-replacement", "import-replacement", "discard",
            "discard-replaced", "remove-pending-replace", "read-discard");

    /**
     * One resource as a step shows it.
     *
     * @param propertyDependencies top-level input to the URNs its value came from
     * @param ignoreChanges        input paths the engine keeps as they are whatever the program asks
     */
    public record State(String urn, String type, boolean custom, String parent, JsonObject inputs, boolean protect,
                        Map<String, List<String>> propertyDependencies, List<String> aliases,
                        List<String> ignoreChanges) {

        /** The logical name: the URN's last segment. */
        public String name() {
            return nameOf(urn);
        }
    }

    /**
     * One step.
     *
     * @param replaceReasons the inputs the engine says force the replacement (real previews)
     * @param detailedDiff   input path to the kind of difference ({@code update-replace}, …)
     */
    public record Step(String op, String urn, State oldState, State newState, List<String> replaceReasons,
                       List<String> diffReasons, Map<String, String> detailedDiff) {
    }

    private final String source;
    private final List<Step> steps;

    private PreviewDocument(String source, List<Step> steps) {
        this.source = source;
        this.steps = List.copyOf(steps);
    }

    /** The last segment of a URN. */
    public static String nameOf(String urn) {
        int at = urn.lastIndexOf("::");
        return at < 0 ? urn : urn.substring(at + 2);
    }

    /**
     * Reads a document; {@code source} names it in messages.
     *
     * @throws DocumentException with one sentence saying what is wrong, for anything not preview-shaped
     */
    public static PreviewDocument parse(String source, String json) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new DocumentException(source + " is not JSON (" + firstLine(e) + "); expected the output of "
                    + "bin/plan --json or pulumi preview --json");
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("steps") || !root.getAsJsonObject().get("steps").isJsonArray()) {
            throw new DocumentException(source + " has no list of steps; expected the output of bin/plan --json or "
                    + "pulumi preview --json");
        }
        List<Step> steps = new ArrayList<>();
        var array = root.getAsJsonObject().getAsJsonArray("steps");
        for (int i = 0; i < array.size(); i++) {
            String where = source + ": step " + (i + 1);
            if (!array.get(i).isJsonObject()) {
                throw new DocumentException(where + " is not an object");
            }
            JsonObject step = array.get(i).getAsJsonObject();
            String op = string(step, "op");
            String urn = string(step, "urn");
            if (op == null || urn == null) {
                throw new DocumentException(where + " has no " + (op == null ? "op" : "urn"));
            }
            if (!KNOWN.contains(op)) {
                throw new DocumentException(where + " has the operation '" + op + "', which pulumi preview does not "
                        + "print; allowed: " + String.join(", ", KNOWN.stream().sorted().toList()));
            }
            State oldState = state(where + " oldState", step.get("oldState"));
            State newState = state(where + " newState", step.get("newState"));
            if (oldState == null && newState == null) {
                throw new DocumentException(where + " (" + urn + ") has neither oldState nor newState");
            }
            List<String> replaceReasons = strings(step.has("replaceReasons") ? step.get("replaceReasons") : step.get("replaces"));
            Map<String, String> detailed = new LinkedHashMap<>();
            if (step.get("detailedDiff") instanceof JsonObject diff) {
                diff.entrySet().forEach(e -> {
                    if (e.getValue() instanceof JsonObject d) {
                        String kind = string(d, "kind") != null ? string(d, "kind") : string(d, "diffKind");
                        detailed.put(e.getKey(), kind == null ? "update" : kind);
                    }
                });
            }
            steps.add(new Step(op, urn, oldState, newState, replaceReasons, strings(step.get("diffReasons")), detailed));
        }
        return new PreviewDocument(source, steps);
    }

    private static String firstLine(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        return message.split("\n")[0].replaceFirst("^[\\w.]+Exception: ", "");
    }

    private static State state(String where, JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (!element.isJsonObject()) {
            throw new DocumentException(where + " is not an object");
        }
        JsonObject o = element.getAsJsonObject();
        String urn = string(o, "urn");
        String type = string(o, "type");
        if (urn == null || type == null) {
            throw new DocumentException(where + " has no " + (urn == null ? "urn" : "type"));
        }
        JsonObject inputs = o.get("inputs") instanceof JsonObject in ? in : new JsonObject();
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        if (o.get("propertyDependencies") instanceof JsonObject deps) {
            deps.entrySet().forEach(e -> dependencies.put(e.getKey(), strings(e.getValue())));
        }
        boolean custom = o.has("custom") ? o.get("custom").getAsBoolean() : !type.startsWith("pulumi:");
        return new State(urn, type, custom, string(o, "parent") == null ? "" : string(o, "parent"), inputs,
                o.has("protect") && o.get("protect").isJsonPrimitive() && o.get("protect").getAsBoolean(),
                Map.copyOf(dependencies), strings(o.get("aliases")), strings(o.get("ignoreChanges")));
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> {
                if (x.isJsonPrimitive()) {
                    out.add(x.getAsString());
                }
            });
        }
        return List.copyOf(out);
    }

    /** Where the document came from, for messages. */
    public String source() {
        return source;
    }

    public List<Step> steps() {
        return steps;
    }

    /** Whether the steps carry the engine's own decisions (a real preview) rather than a plan's creates only. */
    public boolean carriesOperations() {
        return steps.stream().anyMatch(s -> !s.op().equals("create") || s.oldState() != null);
    }

    /** Every resource as it is once the steps are applied, by URN, in step order. */
    public Map<String, State> resulting() {
        Map<String, State> states = new LinkedHashMap<>();
        for (Step step : steps) {
            if (REMOVING.contains(step.op())) {
                continue;
            }
            State state = step.newState() != null ? step.newState() : step.oldState();
            states.put(step.urn(), state);
        }
        return states;
    }

    /** Every resource as it was before the steps, by URN (real previews; a plan has none). */
    public Map<String, State> prior() {
        Map<String, State> states = new LinkedHashMap<>();
        for (Step step : steps) {
            if (step.oldState() != null) {
                states.putIfAbsent(step.urn(), step.oldState());
            }
        }
        return states;
    }
}
