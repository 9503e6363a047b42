import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";

export const vpcFlowLogsEnabled = stackPolicy({
    name: "vpc-flow-logs-enabled",
    description: "Every VPC must record flow logs, so that traffic to and from the data tier can be investigated "
        + "(FSBP EC2.6; cdk-nag AwsSolutions-VPC7; checkov CKV2_AWS_11).",
    category: "data-protection",
    controls: ["EC2.6", "AwsSolutions-VPC7", "CKV2_AWS_11"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.vpc), out, vpc => {
        if (graph.dependents(vpc, [T.flowLog], "vpcId").length === 0) {
            out.violation(vpc, "no flow log records its traffic", "a FlowLog whose vpcId is this VPC",
                "add a flow log (the apphome Network component does)");
        }
    });
});
