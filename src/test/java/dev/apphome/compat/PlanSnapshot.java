package dev.apphome.compat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a user's running stack depends on, per resource: its URN (identity), type, parent, protect
 * and inputs. Two snapshots that agree mean that {@code pulumi up} would change nothing.
 */
final class PlanSnapshot {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private final Map<String, JsonObject> resources;

    private PlanSnapshot(Map<String, JsonObject> resources) {
        this.resources = resources;
    }

    static PlanSnapshot of(PlanRunner.Result plan) {
        Map<String, JsonObject> resources = new TreeMap<>();
        for (PlannedResource r : plan.resources()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("type", r.type());
            entry.addProperty("parent", r.parent());
            entry.addProperty("protect", r.protect());
            entry.add("inputs", GSON.toJsonTree(r.inputs()));
            resources.put(r.urn(), JsonParser.parseString(GSON.toJson(entry)).getAsJsonObject());
        }
        return new PlanSnapshot(resources);
    }

    static PlanSnapshot read(Path file) {
        try {
            JsonObject document = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            Map<String, JsonObject> resources = new TreeMap<>();
            document.entrySet().forEach(e -> resources.put(e.getKey(), e.getValue().getAsJsonObject()));
            return new PlanSnapshot(resources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The snapshot as a preview document of creates, for bin/diff: components and the stack (types
     * outside {@code aws:}) are not custom resources.
     */
    String toPreviewJson() {
        com.google.gson.JsonArray steps = new com.google.gson.JsonArray();
        resources.forEach((urn, r) -> {
            JsonObject state = r.deepCopy();
            state.addProperty("urn", urn);
            state.addProperty("custom", r.get("type").getAsString().startsWith("aws:"));
            JsonObject step = new JsonObject();
            step.addProperty("op", "create");
            step.addProperty("urn", urn);
            step.add("newState", state);
            steps.add(step);
        });
        JsonObject document = new JsonObject();
        document.add("steps", steps);
        return GSON.toJson(document);
    }

    /** One difference: a resource added or removed, or the fields (type, parent, protect, inputs.X) that changed. */
    record Difference(String urn, String change) {
        @Override
        public String toString() {
            return change + " " + urn;
        }
    }

    /** Every difference from {@code before} to this snapshot, in URN order. */
    List<Difference> since(PlanSnapshot before) {
        List<Difference> differences = new ArrayList<>();
        Set<String> urns = new TreeSet<>(before.resources.keySet());
        urns.addAll(resources.keySet());
        for (String urn : urns) {
            JsonObject old = before.resources.get(urn);
            JsonObject now = resources.get(urn);
            if (old == null) {
                differences.add(new Difference(urn, "added"));
            } else if (now == null) {
                differences.add(new Difference(urn, "removed"));
            } else {
                for (String field : List.of("type", "parent", "protect")) {
                    if (!old.get(field).equals(now.get(field))) {
                        differences.add(new Difference(urn, field));
                    }
                }
                JsonObject oldInputs = old.getAsJsonObject("inputs");
                JsonObject newInputs = now.getAsJsonObject("inputs");
                Set<String> keys = new TreeSet<>(oldInputs.keySet());
                keys.addAll(newInputs.keySet());
                for (String key : keys) {
                    JsonElement a = oldInputs.get(key);
                    JsonElement b = newInputs.get(key);
                    if (a == null ? b != null : !a.equals(b)) {
                        differences.add(new Difference(urn, "inputs." + key));
                    }
                }
            }
        }
        return differences;
    }
}
