import { each, stackPolicy } from "../../lib/policy";
import { privateSubnetsOnly } from "../../lib/placement";
import { T } from "../../lib/types";
import { present } from "../../lib/values";

export const lambdaFunctionInPrivateSubnets = stackPolicy({
    name: "lambda-function-in-private-subnets",
    description: "Lambda functions must run in a VPC, in subnets of this stack that have no route to an internet "
        + "gateway, with a security group of this stack, so that the stores admit them by group (FSBP Lambda.3; "
        + "checkov CKV_AWS_117).",
    category: "exposure",
    controls: ["Lambda.3", "CKV_AWS_117"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.lambdaFunction), out, fn => {
        if (!present(() => fn.props.vpcConfig)) {
            out.violation(fn, "the function is not in a VPC", "vpcConfig with private subnets and a security group",
                "declare it under apphome:functions, which places it in the network's private subnets");
            return;
        }
        if (graph.securityGroupsIn(fn, "vpcConfig").length === 0) {
            out.violation(fn, "its vpcConfig names no security group of this stack", "a security group of its own",
                "declare it under apphome:functions, which gives it a security group");
        }
        privateSubnetsOnly(graph, out, fn, "vpcConfig", "the function runs");
    });
});
