import { privateSubnetsOnly } from "../../lib/placement";
import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { known } from "../../lib/values";

export const ecsServicePrivate = stackPolicy({
    name: "ecs-service-private",
    description: "ECS services must run tasks without public IP addresses, in subnets of this stack that have no "
        + "route to an internet gateway (FSBP ECS.2; checkov CKV_AWS_333; controls catalogue E1, E2).",
    category: "exposure",
    controls: ["ECS.2", "CKV_AWS_333", "E1", "E2"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.ecsService), out, service => {
        const network = known(`${service.name}.networkConfiguration`, () => service.props.networkConfiguration);
        if (known(`${service.name}.networkConfiguration.assignPublicIp`, () => network?.assignPublicIp) === true) {
            out.violation(service, "assignPublicIp is true", "assignPublicIp: false",
                "remove assignPublicIp; tasks reach the internet through the NAT gateway");
        }
        privateSubnetsOnly(graph, out, service, "networkConfiguration", "tasks run");
    });
});
