import { portsOf } from "../../lib/graph";
import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";

export const ecsTaskIngressOnlyFromGroups = stackPolicy({
    name: "ecs-task-ingress-only-from-groups",
    description: "Security groups of ECS tasks must admit only other security groups (the load balancer's or a "
        + "calling service's), never address ranges (controls catalogue E3, N8).",
    category: "exposure",
    controls: ["E3", "N8"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.ecsService), out, service => {
        for (const group of graph.securityGroupsIn(service, "networkConfiguration")) {
            for (const rule of graph.rangeIngressOf(group)) {
                out.violation(rule.declaredBy, `${rule.declaredBy.name} admits ${rule.cidrs.join(", ")} on ${portsOf(rule)} `
                    + `to ${service.name}'s group ${group.name}`, "ingress only from security groups",
                    "name the calling service in calls, or route through the load balancer");
            }
        }
    });
});
