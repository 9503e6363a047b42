import { portsOf } from "../../lib/graph";
import { each, stackPolicy } from "../../lib/policy";
import { DATA_STORE_TYPES, storeSecurityGroups } from "../../lib/stores";

export const dataStoreSecurityGroupsAdmitOnlyGroups = stackPolicy({
    name: "data-store-security-groups-admit-only-groups",
    description: "Security groups of databases, caches, proxies, Kafka brokers and mount targets must admit only "
        + "other security groups, never address ranges, so that only the services that declare a store can reach it "
        + "(cdk-nag AwsSolutions-RDS8; controls catalogue R4, N8).",
    category: "exposure",
    controls: ["AwsSolutions-RDS8", "R4", "N8"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(...DATA_STORE_TYPES), out, store => {
        for (const group of storeSecurityGroups(graph, store)) {
            for (const rule of graph.rangeIngressOf(group)) {
                out.violation(rule.declaredBy, `${rule.declaredBy.name} admits ${rule.cidrs.join(", ")} on ${portsOf(rule)} `
                    + `to ${store.name}'s group ${group.name}`, "ingress only from security groups",
                    `declare uses.database or uses.cache on the service that needs ${store.name} instead of a range`);
            }
        }
    });
});
