package dev.apphome.service;

/**
 * The ECS cluster and how its tasks are placed on Fargate capacity.
 *
 * @param containerInsights whether Container Insights collects task metrics; default true
 * @param fargateBase       tasks of each service always placed on on-demand FARGATE; default 1
 * @param fargateWeight     share of further tasks on FARGATE; default 1
 * @param spotWeight        share of further tasks on FARGATE_SPOT; default 0 (no Spot)
 */
public record ClusterArgs(boolean containerInsights, int fargateBase, int fargateWeight, int spotWeight) {
}
