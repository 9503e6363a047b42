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
        PlannedResource root = null;
        for (PlannedResource r : result.resources()) {
            if (r.parent().isEmpty()) {
                root = r;
            } else {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
        StringBuilder out = new StringBuilder();
        int typeWidth = result.resources().stream().mapToInt(r -> r.type().length()).max().orElse(10) + 12;
        out.append(String.format("     %-" + typeWidth + "s %s%n", "Type", "Name"));
        if (root != null) {
            print(root, "", "", children, typeWidth, out);
        }
        return out.toString();
    }

    private static void print(PlannedResource node, String lead, String branch, Map<String, List<PlannedResource>> children,
                              int width, StringBuilder out) {
        String marker = node.protect() ? " + 🔒" : " +   ";
        out.append(String.format("%s%-" + width + "s %s%n", marker, lead + branch + node.type(), node.name()));
        List<PlannedResource> kids = children.getOrDefault(node.urn(), List.of());
        String nextLead = lead + (branch.isEmpty() ? "" : branch.startsWith("└") ? "   " : "│  ");
        for (int i = 0; i < kids.size(); i++) {
            print(kids.get(i), nextLead, i == kids.size() - 1 ? "└─ " : "├─ ", children, width, out);
        }
    }
}
