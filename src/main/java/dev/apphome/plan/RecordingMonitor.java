package dev.apphome.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
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

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            recorded.add(toPlanned(request, response));
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

    private static PlannedResource toPlanned(RegisterResourceRequest request, RegisterResourceResponse response) {
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
                aliases(request, response.getUrn()));
    }

    /**
     * The URNs a resource's aliases stand for: given whole, or as a spec whose unset parts are the
     * resource's own (name, type, parent, stack, project; the SDK sends an empty parent URN for "the
     * same parent"), turned into a URN as the mock engine spells URNs: the parent's qualified type,
     * {@code $}, the type.
     */
    static List<String> aliases(RegisterResourceRequest request, String urn) {
        List<String> urns = new ArrayList<>(request.getAliasURNsList());
        String[] own = urn.substring("urn:pulumi:".length()).split("::", 4);
        for (var alias : request.getAliasesList()) {
            if (alias.hasUrn()) {
                urns.add(alias.getUrn());
                continue;
            }
            var spec = alias.getSpec();
            String stack = spec.getStack().isEmpty() ? own[0] : spec.getStack();
            String project = spec.getProject().isEmpty() ? own[1] : spec.getProject();
            String type = spec.getType().isEmpty() ? request.getType() : spec.getType();
            String name = spec.getName().isEmpty() ? request.getName() : spec.getName();
            String parent = spec.getNoParent() ? ""
                    : spec.hasParentUrn() && !spec.getParentUrn().isEmpty() ? spec.getParentUrn() : request.getParent();
            String parentType = parent.isEmpty() ? "" : parent.substring("urn:pulumi:".length()).split("::", 4)[2];
            String qualified = parentType.isEmpty() ? type : parentType + "$" + type;
            urns.add("urn:pulumi:" + stack + "::" + project + "::" + qualified + "::" + name);
        }
        return List.copyOf(urns);
    }
}
