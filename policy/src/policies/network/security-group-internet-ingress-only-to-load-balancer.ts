import { isWorld, portsOf } from "../../lib/graph";
import { each, stackPolicy } from "../../lib/policy";
import { LOAD_BALANCERS, T } from "../../lib/types";
import { known } from "../../lib/values";

interface Config {
    allowedPorts: number[];
}

export const securityGroupInternetIngressOnlyToLoadBalancer = stackPolicy<Config>({
    name: "security-group-internet-ingress-only-to-load-balancer",
    description: "Only the security group of an internet-facing load balancer may admit the internet, and only on "
        + "the allowed ports (80 and 443 by default); every other group admits other groups or private ranges "
        + "(FSBP EC2.18, EC2.19; cdk-nag AwsSolutions-EC23; checkov CKV_AWS_24, CKV_AWS_25, CKV_AWS_260, CKV_AWS_277).",
    category: "exposure",
    controls: ["EC2.18", "EC2.19", "AwsSolutions-EC23", "CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277"],
    enforcementLevel: "mandatory",
    config: { allowedPorts: { type: "array", items: { type: "integer" }, default: [80, 443] } },
}, (graph, out, config) => {
    const internetFacing = new Set<string>();
    for (const lb of graph.ofType(...LOAD_BALANCERS)) {
        if (known(`${lb.name}.internal`, () => lb.props.internal) !== true) {
            graph.securityGroupsIn(lb, "securityGroups").forEach(g => internetFacing.add(g.urn));
        }
    }
    each(graph.ofType(T.securityGroup), out, group => {
        for (const rule of graph.ingressOf(group)) {
            const world = rule.cidrs.filter(isWorld);
            if (world.length === 0) {
                continue;
            }
            const allowed = internetFacing.has(group.urn) && rule.protocol !== "-1"
                && config.allowedPorts.some(p => rule.fromPort === p && rule.toPort === p);
            if (!allowed) {
                const whose = internetFacing.has(group.urn) ? "the load balancer's group" : "a group that is not an internet-facing load balancer's";
                out.violation(rule.declaredBy, `${rule.declaredBy.name} opens ${portsOf(rule)} of ${whose} (${group.name}) to ${world.join(" and ")}`,
                    `internet ingress only to an internet-facing load balancer on ports ${config.allowedPorts.join(", ")}`,
                    "admit the load balancer's security group (or the calling service's) instead of an address range");
            }
        }
    });
});
