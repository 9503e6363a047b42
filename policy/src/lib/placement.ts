import { PolicyResource } from "@pulumi/policy";
import { Graph } from "./graph";
import { Reporter } from "./policy";

/**
 * That what {@code resource} runs in {@code prop}'s subnets (a service's tasks, a function) is in
 * subnets of this stack with no route to an internet gateway. ECS services and functions share it.
 *
 * @param runs what runs there, for the message: "tasks run", "the function runs"
 */
export function privateSubnetsOnly(graph: Graph, out: Reporter, resource: PolicyResource, prop: string, runs: string): void {
    const subnets = graph.subnetsIn(resource, prop);
    if (subnets.length === 0) {
        out.violation(resource, "its subnets are not created in this stack, so they cannot be verified private",
            "private subnets of this stack", "use the network's private subnets");
        return;
    }
    const exposed = subnets.filter(s => graph.subnetIsPublic(s));
    if (exposed.length > 0) {
        out.violation(resource, `${runs} in ${exposed.map(s => s.name).join(", ")}, which route to an internet gateway`,
            "private subnets only", "use the network's private subnets");
    }
}
