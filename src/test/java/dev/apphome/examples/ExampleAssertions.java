package dev.apphome.examples;

import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Plans;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the example tests read out of a plan, in the words of the guides. */
final class ExampleAssertions {

    private ExampleAssertions() {
    }

    /** A whole number input as a long (the plan keeps numbers as the SDK gave them). */
    static long number(PlannedResource r, String path) {
        Object value = r.input(path);
        if (!(value instanceof Number n)) {
            throw new AssertionError(r.name() + "." + path + " is " + value + ", not a number");
        }
        return n.longValue();
    }

    /** A map with its numbers as longs, for exact comparison with literals. */
    static Map<String, Object> longs(Map<String, Object> values) {
        Map<String, Object> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof Number n ? (Object) n.longValue() : v));
        return out;
    }

    /**
     * Who may reach a security group: "source-group-name:port" for each ingress rule of the group
     * named {@code group}, or "cidr:port" for an address range.
     */
    static List<String> admits(PlanRunner.Result plan, String group) {
        PlannedResource sg = plan.named("aws:ec2/securityGroup:SecurityGroup", group);
        return plan.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .filter(r -> r.propertyDependencies().getOrDefault("securityGroupId", List.of()).contains(sg.urn()))
                .map(r -> {
                    List<PlannedResource> from = Plans.sources(plan, r, "referencedSecurityGroupId");
                    String source = from.isEmpty() ? String.valueOf(r.input("cidrIpv4")) : from.get(0).name();
                    return source + ":" + number(r, "fromPort");
                }).sorted().toList();
    }

    /** The container definitions of a task definition. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(PlannedResource taskDefinition) {
        return (List<Map<String, Object>>) dev.apphome.support.Json.parse(taskDefinition.inputString("containerDefinitions"));
    }

    /** The plain variables of a task's first container, by name. */
    static Map<String, String> environment(PlannedResource taskDefinition) {
        Map<String, String> env = new TreeMap<>();
        Plans.list(containers(taskDefinition).get(0).get("environment"))
                .forEach(e -> env.put(String.valueOf(Plans.map(e).get("name")), String.valueOf(Plans.map(e).get("value"))));
        return env;
    }
}
