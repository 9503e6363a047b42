import { PolicyResource } from "@pulumi/policy";
import { Graph, portsOf } from "../../lib/graph";
import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";

/** The security groups a data store is attached to, by the input each kind uses. */
function groupsOf(graph: Graph, store: PolicyResource): PolicyResource[] {
    switch (store.type) {
        case T.rdsInstance:
        case T.rdsCluster:
        case T.rdsProxy:
            return graph.securityGroupsIn(store, "vpcSecurityGroupIds");
        case T.cacheReplicationGroup:
        case T.cacheCluster:
            return graph.securityGroupsIn(store, "securityGroupIds");
        case T.mskCluster:
            return graph.securityGroupsIn(store, "brokerNodeGroupInfo");
        case T.efsMountTarget:
            return graph.securityGroupsIn(store, "securityGroups");
        default:
            return [];
    }
}

export const dataStoreSecurityGroupsAdmitOnlyGroups = stackPolicy({
    name: "data-store-security-groups-admit-only-groups",
    description: "Security groups of databases, caches, proxies, Kafka brokers and mount targets must admit only "
        + "other security groups, never address ranges, so that only the services that declare a store can reach it "
        + "(cdk-nag AwsSolutions-RDS8; controls catalogue R4, N8).",
    category: "exposure",
    controls: ["AwsSolutions-RDS8", "R4", "N8"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    const stores = graph.ofType(T.rdsInstance, T.rdsCluster, T.rdsProxy, T.cacheReplicationGroup, T.cacheCluster,
        T.mskCluster, T.efsMountTarget);
    each(stores, out, store => {
        for (const group of groupsOf(graph, store)) {
            for (const rule of graph.ingressOf(group)) {
                if (rule.cidrs.length > 0) {
                    out.violation(rule.declaredBy, `${rule.declaredBy.name} admits ${rule.cidrs.join(", ")} on ${portsOf(rule)} `
                        + `to ${store.name}'s group ${group.name}`, "ingress only from security groups",
                        `declare uses.database or uses.cache on the service that needs ${store.name} instead of a range`);
                }
            }
        }
    });
});
