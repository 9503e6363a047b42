import { each, stackPolicy } from "../../lib/policy";
import { LOAD_BALANCERS } from "../../lib/types";
import { known } from "../../lib/values";

const ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";

export const loadBalancerBehindWaf = stackPolicy({
    name: "load-balancer-behind-waf",
    description: "Every internet-facing application load balancer must have a WAF web ACL associated with it "
        + "(FSBP ELB.16 in the NIST standard; checkov CKV2_AWS_28; controls catalogue A10).",
    category: "exposure",
    controls: ["ELB.16", "CKV2_AWS_28", "A10"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(...LOAD_BALANCERS), out, lb => {
        if (known(`${lb.name}.internal`, () => lb.props.internal) === true
            || (known(`${lb.name}.loadBalancerType`, () => lb.props.loadBalancerType) ?? "application") !== "application") {
            return;
        }
        if (graph.dependents(lb, [ASSOCIATION], "resourceArn").length === 0) {
            out.violation(lb, "no web ACL is associated with this internet-facing load balancer",
                "a WebAclAssociation whose resourceArn is this load balancer", "set loadBalancer.waf: true in the stack file");
        }
    });
});
