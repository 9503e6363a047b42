package dev.apphome.service;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * The ECS cluster and how its tasks are placed on Fargate capacity ({@code cluster}).
 *
 * @param containerInsights whether Container Insights collects task metrics
 * @param fargateBase       tasks of each service always placed on on-demand FARGATE
 * @param fargateWeight     share of further tasks on FARGATE
 * @param spotWeight        share of further tasks on FARGATE_SPOT
 * @param createServiceLinkedRole whether this stack creates the account's ECS service-linked role
 */
public record ClusterSettings(
        @Key(doc = "Container Insights", dflt = "true") boolean containerInsights,
        @Key(doc = "tasks of each service always on on-demand FARGATE", dflt = "1", min = 0, max = 100000) int fargateBase,
        @Key(doc = "share of further tasks on FARGATE", dflt = "1", min = 0, max = 1000) int fargateWeight,
        @Key(doc = "share of further tasks on FARGATE_SPOT", dflt = "0", min = 0, max = 1000) int spotWeight,
        @Key(doc = "create the account's ECS service-linked role (AWSServiceRoleForECS), which a brand-new account "
                + "lacks until ECS first makes it, so that the first `pulumi up` does not fail on the capacity "
                + "providers; one stack per account at most", dflt = "false") boolean createServiceLinkedRole) {

    public static final List<Rule<ClusterSettings>> RULES = List.of(
            Rule.of("fargateWeight", c -> c.fargateWeight + c.spotWeight > 0,
                    "and spotWeight are both 0; allowed: at least one above 0"));
}
