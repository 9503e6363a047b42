import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { asArray, known } from "../../lib/values";

export const defaultSecurityGroupClosed = stackPolicy({
    name: "default-security-group-closed",
    description: "Each VPC's default security group must be adopted by the program and left without rules, so "
        + "that nothing attached to it by default can talk (FSBP EC2.2; checkov CKV2_AWS_12).",
    category: "exposure",
    controls: ["EC2.2", "CKV2_AWS_12"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.vpc), out, vpc => {
        const adopted = graph.dependents(vpc, [T.defaultSecurityGroup], "vpcId");
        if (adopted.length === 0) {
            out.violation(vpc, "its default security group keeps AWS's allow-within-group rules",
                "a DefaultSecurityGroup for the VPC with no ingress or egress", "adopt it (the apphome Network component does)");
        }
        for (const group of adopted) {
            const rules = [...(known(`${group.name}.ingress`, () => asArray(group.props.ingress)) as any[]),
                ...(known(`${group.name}.egress`, () => asArray(group.props.egress)) as any[])];
            if (rules.length > 0) {
                out.violation(group, `the default security group has ${rules.length} rule${rules.length > 1 ? "s" : ""}`,
                    "no ingress and no egress", "remove the rules; give resources their own security groups");
            }
        }
    });
});
