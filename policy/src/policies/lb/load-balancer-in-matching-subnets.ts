import { each, stackPolicy } from "../../lib/policy";
import { LOAD_BALANCERS } from "../../lib/types";
import { known } from "../../lib/values";

export const loadBalancerInMatchingSubnets = stackPolicy({
    name: "load-balancer-in-matching-subnets",
    description: "An internet-facing load balancer must sit only in public subnets and an internal one only in "
        + "private subnets, so that internal endpoints are never reachable from the internet (controls catalogue A1, A2).",
    category: "exposure",
    controls: ["A1", "A2"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(...LOAD_BALANCERS), out, lb => {
        const internal = known(`${lb.name}.internal`, () => lb.props.internal) === true;
        const subnets = [...graph.subnetsIn(lb, "subnets"), ...graph.subnetsIn(lb, "subnetMappings")];
        const wrong = subnets.filter(s => graph.subnetIsPublic(s) === internal);
        if (wrong.length > 0) {
            out.violation(lb, `the ${internal ? "internal" : "internet-facing"} load balancer uses ${internal ? "public" : "private"} `
                + `subnet${wrong.length > 1 ? "s" : ""} ${wrong.map(s => s.name).join(", ")}`,
                internal ? "private subnets only" : "public subnets only", "place it in the matching tier's subnets");
        }
    });
});
