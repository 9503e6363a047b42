package dev.apphome.config;

import dev.apphome.alerts.AlertSettings;
import dev.apphome.audit.TrailSettings;
import dev.apphome.budget.BudgetSettings;
import dev.apphome.edge.DistributionSettings;
import dev.apphome.registry.RepositorySettings;
import dev.apphome.common.LogRetention;
import dev.apphome.diff.ReplaceAllowance;
import dev.apphome.loadbalancer.LoadBalancerSettings;
import dev.apphome.network.NetworkSettings;
import dev.apphome.secrets.SecretSettings;
import dev.apphome.service.ClusterSettings;
import dev.apphome.service.ServiceSettings;
import dev.apphome.service.TraceSampling;
import dev.apphome.wiring.StoreKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one stack file says, validated and typed. Built only by {@link StackSettingsReader};
 * holds no secret values (those are read with {@code requireSecret} when the stack is declared).
 *
 * @param project          the Pulumi project name
 * @param stack            the stack name, e.g. {@code dev}
 * @param region           the AWS region ({@code aws:region})
 * @param network          the VPC
 * @param loadBalancer     the load balancer, present when any service is a web service
 * @param cluster          the ECS cluster
 * @param services         the services, in stack-file order
 * @param secrets          the application secrets
 * @param alerts           alarm thresholds and recipients
 * @param traceSampling    how much traffic X-Ray samples
 * @param logRetentionDays how long container and database logs are kept
 * @param protectResources whether Pulumi refuses to delete stateful resources ({@code protect})
 * @param allowReplace     announced replacements of stateful resources, for bin/diff
 * @param stores           each registered store kind to what the stack declares of it: an
 *                         {@code Optional} of its settings for a kind declared once, a map by name otherwise
 * @param warnings         what is allowed but probably not meant, reported without blocking
 * @param distributions    the CloudFront distributions, in stack-file order
 * @param repositories     the ECR repositories, in stack-file order
 * @param budget           the monthly cost budget, if the stack has one
 * @param trail            the CloudTrail trail, if the stack has one
 */
public record StackSettings(
        String project,
        String stack,
        String region,
        NetworkSettings network,
        Optional<LoadBalancerSettings> loadBalancer,
        ClusterSettings cluster,
        List<ServiceSettings> services,
        List<SecretSettings> secrets,
        AlertSettings alerts,
        TraceSampling traceSampling,
        LogRetention logRetentionDays,
        boolean protectResources,
        List<ReplaceAllowance> allowReplace,
        Map<StoreKind<?, ?>, Object> stores,
        List<Problem> warnings,
        List<DistributionSettings> distributions,
        List<RepositorySettings> repositories,
        Optional<BudgetSettings> budget,
        Optional<TrailSettings> trail) {

    public StackSettings {
        distributions = List.copyOf(distributions);
        repositories = List.copyOf(repositories);
        services = List.copyOf(services);
        allowReplace = List.copyOf(allowReplace);
        secrets = List.copyOf(secrets);
        stores = Map.copyOf(stores);
        warnings = List.copyOf(warnings);
    }

    /** The one store of {@code kind} the stack declares, if it declares it. */
    @SuppressWarnings("unchecked")
    public <S> Optional<S> single(StoreKind<S, ?> kind) {
        return (Optional<S>) stores.getOrDefault(kind, Optional.empty());
    }

    /** The stores of {@code kind} the stack declares, by name, in stack-file order. */
    @SuppressWarnings("unchecked")
    public <S> Map<String, S> named(StoreKind<S, ?> kind) {
        return (Map<String, S>) stores.getOrDefault(kind, Map.of());
    }

    /** The service called {@code name}. */
    public ServiceSettings service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }
}
