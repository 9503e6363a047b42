import { PolicyResource } from "@pulumi/policy";
import { Graph } from "../../lib/graph";
import { each, Reporter, stackPolicy } from "../../lib/policy";
import { DATA_STORE_TYPES, storeSubnets } from "../../lib/stores";
import { T } from "../../lib/types";
import { present } from "../../lib/values";

function subnetsOf(graph: Graph, store: PolicyResource): PolicyResource[] | "unset" | "outside" {
    const { prop, subnets } = storeSubnets(graph, store);
    if (subnets !== undefined) {
        return subnets;
    }
    return present(() => store.props[prop]) ? "outside" : "unset";
}

function checkStore(graph: Graph, store: PolicyResource, out: Reporter): void {
    const subnets = subnetsOf(graph, store);
    if (subnets === "unset") {
        out.violation(store, "no subnet group or subnets are set, so AWS places it in the default VPC, whose subnets are public",
            "a subnet group of private or isolated subnets of this stack",
            "name the isolated subnets' group (the apphome Database and Cache components do)");
        return;
    }
    if (subnets === "outside") {
        out.violation(store, "its subnets are not created in this stack, so they cannot be verified private",
            "subnets of this stack with no route to an internet gateway",
            "create the subnet group in this program, or exempt the resource with a reason in the policy config");
        return;
    }
    const exposed = subnets.filter(s => graph.subnetIsPublic(s));
    if (exposed.length > 0) {
        out.violation(store, `subnet${exposed.length > 1 ? "s" : ""} ${exposed.map(s => s.name).join(", ")} `
            + `route${exposed.length > 1 ? "" : "s"} to an internet gateway`,
            "private or isolated subnets only", "use the network's isolated subnets for data stores");
    }
}

export const dataStoresInPrivateSubnets = stackPolicy({
    name: "data-stores-in-private-subnets",
    description: "Databases, caches, proxies, Kafka brokers and file-system mount targets must sit only in subnets "
        + "of this stack whose route table has no route to an internet gateway (FSBP RDS.46, ElastiCache.7, EFS.6; "
        + "cdk-nag AwsSolutions-AEC1; controls catalogue R3, C3, P2, EC6, M6, F3).",
    category: "exposure",
    controls: ["RDS.46", "ElastiCache.7", "EFS.6", "AwsSolutions-AEC1", "R3", "C3", "P2", "EC6", "M6", "F3"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    const stores = graph.ofType(...DATA_STORE_TYPES)
        .filter(s => !(s.type === T.cacheCluster && present(() => s.props.replicationGroupId)))
        .filter(s => !(s.type === T.rdsInstance && present(() => s.props.replicateSourceDb) && !present(() => s.props.dbSubnetGroupName)));
    each(stores, out, store => checkStore(graph, store, out));
});
