package dev.apphome.service;

import dev.apphome.schema.Key;

/**
 * One service's own placement on Fargate capacity, overriding the cluster's strategy: Spot for
 * workers only, say, while the APIs stay on demand. A key left out takes the cluster's value.
 *
 * @param fargateBase   tasks always placed on on-demand FARGATE
 * @param fargateWeight share of further tasks on FARGATE
 * @param spotWeight    share of further tasks on FARGATE_SPOT
 */
public record Capacity(
        @Key(doc = "tasks always on on-demand FARGATE", derived = "the cluster's", min = 0, max = 100000) Integer fargateBase,
        @Key(doc = "share of further tasks on FARGATE", derived = "the cluster's", min = 0, max = 1000) Integer fargateWeight,
        @Key(doc = "share of further tasks on FARGATE_SPOT", derived = "the cluster's", min = 0, max = 1000) Integer spotWeight) {

    /** This service's strategy: its own values where set, the cluster's elsewhere. */
    public ClusterSettings over(ClusterSettings cluster) {
        return new ClusterSettings(cluster.containerInsights(),
                fargateBase != null ? fargateBase : cluster.fargateBase(),
                fargateWeight != null ? fargateWeight : cluster.fargateWeight(),
                spotWeight != null ? spotWeight : cluster.spotWeight(),
                cluster.createServiceLinkedRole());
    }

    public boolean isSet() {
        return fargateBase != null || fargateWeight != null || spotWeight != null;
    }
}
