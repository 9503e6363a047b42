import { PolicyResource } from "@pulumi/policy";
import { Graph } from "./graph";
import { T } from "./types";

/**
 * Where each kind of data store names its security groups and its subnets: the one table the
 * placement and security-group policies share.
 */
const STORES: Record<string, { groups: string; subnets: { prop: string; group?: string } }> = {
    [T.rdsInstance]: { groups: "vpcSecurityGroupIds", subnets: { prop: "dbSubnetGroupName", group: T.rdsSubnetGroup } },
    [T.rdsCluster]: { groups: "vpcSecurityGroupIds", subnets: { prop: "dbSubnetGroupName", group: T.rdsSubnetGroup } },
    [T.rdsProxy]: { groups: "vpcSecurityGroupIds", subnets: { prop: "vpcSubnetIds" } },
    [T.cacheReplicationGroup]: { groups: "securityGroupIds", subnets: { prop: "subnetGroupName", group: T.cacheSubnetGroup } },
    [T.cacheCluster]: { groups: "securityGroupIds", subnets: { prop: "subnetGroupName", group: T.cacheSubnetGroup } },
    [T.mskCluster]: { groups: "brokerNodeGroupInfo", subnets: { prop: "brokerNodeGroupInfo" } },
    [T.efsMountTarget]: { groups: "securityGroups", subnets: { prop: "subnetId" } },
};

export const DATA_STORE_TYPES: readonly string[] = Object.keys(STORES);

/** The security groups a data store is attached to. */
export function storeSecurityGroups(graph: Graph, store: PolicyResource): PolicyResource[] {
    const entry = STORES[store.type];
    return entry ? graph.securityGroupsIn(store, entry.groups) : [];
}

/**
 * The in-stack subnets a data store is placed in, directly or through its subnet group; undefined
 * when the input names nothing of this stack.
 */
export function storeSubnets(graph: Graph, store: PolicyResource): { prop: string; subnets: PolicyResource[] | undefined } {
    const { prop, group } = STORES[store.type].subnets;
    if (group) {
        return { prop, subnets: graph.subnetsViaGroup(store, prop, group) };
    }
    const subnets = graph.subnetsIn(store, prop);
    return { prop, subnets: subnets.length > 0 ? subnets : undefined };
}
