package dev.apphome.plan;

import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a plan in the document shape of {@code pulumi preview --json}. */
public final class PlanDocument {

    private PlanDocument() {
    }

    public static Map<String, Object> toDocument(PlanRunner.Result result) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (PlannedResource resource : result.resources()) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("urn", resource.urn());
            state.put("custom", resource.custom());
            state.put("delete", false);
            state.put("id", resource.id());
            state.put("type", resource.type());
            state.put("inputs", resource.inputs());
            boolean stack = resource.type().equals("pulumi:pulumi:Stack");
            state.put("outputs", stack ? result.stackOutputs() : resource.outputs());
            state.put("parent", resource.parent());
            state.put("protect", resource.protect());
            state.put("retainOnDelete", resource.retainOnDelete());
            state.put("external", false);
            state.put("dependencies", resource.dependencies());
            state.put("propertyDependencies", resource.propertyDependencies());
            if (!resource.aliases().isEmpty()) {
                state.put("aliases", resource.aliases());
            }
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("op", "create");
            step.put("urn", resource.urn());
            step.put("provider", "");
            step.put("newState", state);
            steps.add(step);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("steps", steps);
        document.put("diagnostics", List.of());
        document.put("duration", 0);
        document.put("changeSummary", Map.of("create", steps.size()));
        return document;
    }

    public static String toJson(PlanRunner.Result result) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                .toJson(toDocument(result));
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
