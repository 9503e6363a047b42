package dev.apphome.support;

import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;

import java.util.List;
import java.util.Map;

/** Follows a plan's recorded dependencies, the way the policy pack does. */
public final class Plans {

    private Plans() {
    }

    /** The resources whose outputs fed input {@code property} of {@code resource}. */
    public static List<PlannedResource> sources(PlanRunner.Result plan, PlannedResource resource, String property) {
        return resource.propertyDependencies().getOrDefault(property, List.of()).stream().map(plan::byUrn).toList();
    }

    /** The single resource that fed {@code property}. */
    public static PlannedResource source(PlanRunner.Result plan, PlannedResource resource, String property) {
        List<PlannedResource> found = sources(plan, resource, property);
        if (found.size() != 1) {
            throw new AssertionError(resource.name() + "." + property + " came from " + found.size() + " resources");
        }
        return found.get(0);
    }

    /** Resources of {@code type} one of whose inputs came from {@code source}. */
    public static List<PlannedResource> dependents(PlanRunner.Result plan, PlannedResource source, String type, String property) {
        return plan.ofType(type).stream()
                .filter(r -> r.propertyDependencies().getOrDefault(property, List.of()).contains(source.urn()))
                .toList();
    }

    /** The direct children of a component. */
    public static List<PlannedResource> children(PlanRunner.Result plan, PlannedResource parent) {
        return plan.resources().stream().filter(r -> r.parent().equals(parent.urn())).toList();
    }

    public static List<String> names(List<PlannedResource> resources) {
        return resources.stream().map(PlannedResource::name).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
