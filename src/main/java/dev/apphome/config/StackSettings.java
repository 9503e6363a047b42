package dev.apphome.config;

import dev.apphome.alerts.AlertArgs;
import dev.apphome.cache.CacheArgs;
import dev.apphome.database.DatabaseArgs;
import dev.apphome.loadbalancer.LoadBalancerArgs;
import dev.apphome.messaging.QueueArgs;
import dev.apphome.network.NetworkArgs;
import dev.apphome.network.SubnetPlan;
import dev.apphome.secrets.SecretArgs;
import dev.apphome.service.ClusterArgs;
import dev.apphome.service.ServiceArgs;
import dev.apphome.service.ServiceKind;
import dev.apphome.storage.BucketArgs;

import java.util.List;
import java.util.Optional;

/**
 * Everything one stack file says, validated and typed. Built only by {@link StackSettingsParser};
 * holds no secret values (those are read with {@code requireSecret} when the stack is declared).
 *
 * @param project          the Pulumi project name
 * @param stack            the stack name, e.g. {@code dev}
 * @param file             the stack file, e.g. {@code Pulumi.dev.yaml}
 * @param region           the AWS region ({@code aws:region})
 * @param network          the VPC
 * @param subnets          the planned subnets
 * @param loadBalancer     the load balancer, present when any service is a web service
 * @param cluster          the ECS cluster
 * @param services         the services, in stack-file order
 * @param database         the database, if the stack declares one
 * @param cache            the cache, if the stack declares one
 * @param buckets          the application buckets
 * @param queues           the work queues, each with a dead-letter queue
 * @param secrets          the application secrets
 * @param alerts           alarm thresholds and recipients
 * @param logRetentionDays days container logs are kept
 * @param protectResources whether Pulumi refuses to delete stateful resources ({@code protect})
 */
public record StackSettings(
        String project,
        String stack,
        String file,
        String region,
        NetworkArgs network,
        List<SubnetPlan.Planned> subnets,
        Optional<LoadBalancerArgs> loadBalancer,
        ClusterArgs cluster,
        List<ServiceArgs> services,
        Optional<DatabaseArgs> database,
        Optional<CacheArgs> cache,
        List<BucketArgs> buckets,
        List<QueueArgs> queues,
        List<SecretArgs> secrets,
        AlertArgs alerts,
        int logRetentionDays,
        boolean protectResources) {

    public StackSettings {
        subnets = List.copyOf(subnets);
        services = List.copyOf(services);
        buckets = List.copyOf(buckets);
        queues = List.copyOf(queues);
        secrets = List.copyOf(secrets);
    }
}
