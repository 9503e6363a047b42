package dev.apphome.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.AliasOuterClass;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The mock engine's monitor, recording each register-resource request exactly as the SDK sends it
 * to a real engine — parent, dependencies, per-input dependencies, protect, secrets — which the
 * public test API does not expose.
 */
final class RecordingMonitor extends MockMonitor {

    private final List<PlannedResource> recorded = Collections.synchronizedList(new ArrayList<>());
    private final boolean preview;

    /** @param preview whether the engine previews: a provider created in a preview has no id yet */
    RecordingMonitor(Mocks mocks, Log log, boolean preview) {
        super(mocks, log);
        this.preview = preview;
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            recorded.add(toPlanned(request, response, preview));
            return response;
        });
    }

    /**
     * Every resource, parents before children and siblings by type and name, so that the same
     * program always gives the same plan (the engine's own order depends on thread timing).
     */
    List<PlannedResource> recorded() {
        Map<String, List<PlannedResource>> children = new LinkedHashMap<>();
        List<PlannedResource> roots = new ArrayList<>();
        synchronized (recorded) {
            for (PlannedResource r : recorded) {
                if (r.parent().isEmpty()) {
                    roots.add(r);
                } else {
                    children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        java.util.Comparator<PlannedResource> order =
                java.util.Comparator.comparing(PlannedResource::type).thenComparing(PlannedResource::name);
        List<PlannedResource> result = new ArrayList<>();
        java.util.Deque<PlannedResource> stack = new java.util.ArrayDeque<>();
        roots.stream().sorted(order.reversed()).forEach(stack::push);
        while (!stack.isEmpty()) {
            PlannedResource next = stack.pop();
            result.add(next);
            children.getOrDefault(next.urn(), List.of()).stream().sorted(order.reversed()).forEach(stack::push);
        }
        return List.copyOf(result);
    }

    static PlannedResource toPlanned(RegisterResourceRequest request, RegisterResourceResponse response, boolean preview) {
        Set<String> secretInputs = new LinkedHashSet<>();
        request.getObject().getFieldsMap().forEach((k, v) -> {
            if (StructValues.containsSecret(v)) {
                secretInputs.add(k);
            }
        });
        Map<String, Object> inputs = StructValues.toMap(request.getObject());
        // Outputs are the inputs as the provider accepted them plus what AWS computes, as in a real
        // engine; the mock engine leaves out inputs that are not yet known in preview.
        Map<String, Object> outputs = new LinkedHashMap<>(inputs);
        response.getObject().getFieldsMap().forEach((k, v) -> {
            outputs.put(k, secretInputs.contains(k) || StructValues.containsSecret(v) ? PlannedResource.SECRET
                    : StructValues.toJava(v));
        });
        Map<String, List<String>> propertyDependencies = new LinkedHashMap<>();
        request.getPropertyDependenciesMap().forEach((k, v) -> {
            if (v.getUrnsCount() > 0) {
                propertyDependencies.put(k, v.getUrnsList().stream().distinct().sorted().toList());
            }
        });
        // The engine also counts the parent and every input's sources as dependencies.
        Set<String> dependencies = new java.util.TreeSet<>(request.getDependenciesList());
        propertyDependencies.values().forEach(dependencies::addAll);
        return new PlannedResource(
                response.getUrn(),
                request.getType(),
                request.getName(),
                request.getCustom(),
                request.getParent(),
                inputs,
                Set.copyOf(secretInputs),
                request.getProtect(),
                request.getRetainOnDelete(),
                List.copyOf(dependencies),
                propertyDependencies,
                request.getCustom() ? response.getId() : "",
                outputs,
                options(request, response.getUrn(), preview));
    }

    /** The options the engine records for the resource, resolved as the engine resolves them. */
    static PlannedResource.Options options(RegisterResourceRequest request, String urn, boolean preview) {
        List<String> aliases = new ArrayList<>(request.getAliasURNsList());
        for (AliasOuterClass.Alias alias : request.getAliasesList()) {
            aliases.add(alias.hasUrn() ? alias.getUrn() : aliasUrn(alias.getSpec(), request, urn));
        }
        Map<String, Double> timeouts = new LinkedHashMap<>();
        var t = request.getCustomTimeouts();
        putSeconds(timeouts, "create", t.getCreate());
        putSeconds(timeouts, "update", t.getUpdate());
        putSeconds(timeouts, "delete", t.getDelete());
        putSeconds(timeouts, "read", t.getRead());
        return new PlannedResource.Options(
                provider(request, urn, preview),
                List.copyOf(request.getIgnoreChangesList()),
                List.copyOf(request.getAdditionalSecretOutputsList()),
                List.copyOf(aliases),
                Map.copyOf(timeouts),
                request.getDeleteBeforeReplaceDefined() ? request.getDeleteBeforeReplace() : null,
                List.copyOf(request.getReplaceOnChangesList()),
                request.getDeletedWith());
    }

    /**
     * A custom resource registered without a provider gets the engine's default provider of its
     * package, named after the package version the SDK sends ({@code default_6_83_0}); its id is
     * unknown while the provider is only previewed.
     */
    static String provider(RegisterResourceRequest request, String urn, boolean preview) {
        if (!request.getProvider().isEmpty()) {
            return request.getProvider();
        }
        String type = request.getType();
        if (!request.getCustom() || type.startsWith("pulumi:providers:")) {
            return "";
        }
        String pkg = type.substring(0, type.indexOf(':'));
        String version = request.getVersion();
        String name = version.isEmpty() ? "default" : "default_" + version.replaceAll("[^A-Za-z0-9]", "_");
        String providerUrn = stackPrefix(urn) + "pulumi:providers:" + pkg + "::" + name;
        String hex = PlanMocks.hex(providerUrn);
        String id = preview ? StructValues.UNKNOWN : hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20, 32);
        return providerUrn + "::" + id;
    }

    /** {@code urn:pulumi:<stack>::<project>::} of a URN. */
    private static String stackPrefix(String urn) {
        int stackEnd = urn.indexOf("::");
        int projectEnd = urn.indexOf("::", stackEnd + 2);
        return urn.substring(0, projectEnd + 2);
    }

    /** The URN an alias given by its parts names: the parts it leaves out are the resource's own. */
    static String aliasUrn(AliasOuterClass.Alias.Spec spec, RegisterResourceRequest request, String urn) {
        int stackEnd = urn.indexOf("::");
        int projectEnd = urn.indexOf("::", stackEnd + 2);
        String stack = spec.getStack().isEmpty() ? urn.substring("urn:pulumi:".length(), stackEnd) : spec.getStack();
        String project = spec.getProject().isEmpty() ? urn.substring(stackEnd + 2, projectEnd) : spec.getProject();
        String name = spec.getName().isEmpty() ? request.getName() : spec.getName();
        String type = spec.getType().isEmpty() ? request.getType() : spec.getType();
        // An empty parent URN means the resource's own parent, as the engine reads it.
        String parent = spec.hasNoParent() && spec.getNoParent() ? ""
                : spec.hasParentUrn() && !spec.getParentUrn().isEmpty() ? spec.getParentUrn() : request.getParent();
        String chain = parent.isEmpty() ? type : qualifiedType(parent) + "$" + type;
        return "urn:pulumi:" + stack + "::" + project + "::" + chain + "::" + name;
    }

    /** The type chain of a URN: everything between the project and the name. */
    private static String qualifiedType(String urn) {
        int stackEnd = urn.indexOf("::");
        int projectEnd = urn.indexOf("::", stackEnd + 2);
        return urn.substring(projectEnd + 2, urn.lastIndexOf("::"));
    }

    /** A Go duration as the engine parses custom timeouts ({@code 10m}, {@code 1h30m}, {@code 90s}). */
    private static void putSeconds(Map<String, Double> into, String key, String duration) {
        if (duration.isEmpty()) {
            return;
        }
        var matcher = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s)").matcher(duration);
        double seconds = 0;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            double value = Double.parseDouble(matcher.group(1));
            seconds += switch (matcher.group(2)) {
                case "h" -> value * 3600;
                case "m" -> value * 60;
                case "ms" -> value / 1000;
                default -> value;
            };
            end = matcher.end();
        }
        if (end != duration.length()) {
            throw new IllegalArgumentException("custom timeout " + key + " \"" + duration
                    + "\" is not a duration such as 10m, 1h30m or 90s");
        }
        if (seconds != 0) {
            into.put(key, seconds);
        }
    }
}
