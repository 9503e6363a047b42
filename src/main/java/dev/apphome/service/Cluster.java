package dev.apphome.service;

import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.iam.ServiceLinkedRole;
import com.pulumi.aws.iam.ServiceLinkedRoleArgs;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterServiceConnectDefaultsArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.servicediscovery.HttpNamespace;
import com.pulumi.aws.servicediscovery.HttpNamespaceArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.Naming;
import dev.apphome.common.Protection;
import dev.apphome.schema.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ECS cluster with Container Insights, the FARGATE and FARGATE_SPOT capacity providers, and the
 * Cloud Map namespace through which Service Connect lets services call internal services by name.
 */
public final class Cluster extends ComponentResource {

    private final com.pulumi.aws.ecs.Cluster cluster;
    private final HttpNamespace namespace;
    private final ClusterSettings args;
    private final ClusterCapacityProviders capacity;

    public Cluster(String name, ClusterSettings args, String namespaceName, Protection protection,
                   ComponentResourceOptions options) {
        super("apphome:service:Cluster", name, options);
        this.args = Rule.require(args);
        List<com.pulumi.resources.Resource> needs = new ArrayList<>();
        if (args.createServiceLinkedRole()) {
            // ECS makes this role itself the first time it needs it, but creating the capacity providers
            // of a brand-new account fails before it exists.
            needs.add(new ServiceLinkedRole(Naming.child(name, "ecs-role"), ServiceLinkedRoleArgs.builder()
                    .awsServiceName("ecs.amazonaws.com")
                    .description("Lets ECS manage the resources of the account's clusters")
                    .build(), protection.child(this)));
        }
        this.namespace = new HttpNamespace(Naming.child(name, "namespace"), HttpNamespaceArgs.builder()
                .name(namespaceName)
                .description("Service Connect names of " + name)
                .build(), protection.child(this));
        this.cluster = new com.pulumi.aws.ecs.Cluster(Naming.child(name, "ecs"), com.pulumi.aws.ecs.ClusterArgs.builder()
                .settings(ClusterSettingArgs.builder()
                        .name("containerInsights").value(args.containerInsights() ? "enabled" : "disabled").build())
                .serviceConnectDefaults(ClusterServiceConnectDefaultsArgs.builder().namespace(namespace.arn()).build())
                .build(), protection.child(this));
        List<ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs> defaults = new ArrayList<>();
        defaults.add(ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                .capacityProvider("FARGATE").base(args.fargateBase()).weight(args.fargateWeight()).build());
        if (args.spotWeight() > 0) {
            defaults.add(ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                    .capacityProvider("FARGATE_SPOT").weight(args.spotWeight()).build());
        }
        this.capacity = new ClusterCapacityProviders(Naming.child(name, "capacity"), ClusterCapacityProvidersArgs.builder()
                .clusterName(cluster.name())
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategies(defaults)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(needs).build());
        registerOutputs(Map.of("name", cluster.name()));
    }

    /**
     * One capacity provider's share of a service's or job's tasks.
     *
     * @param provider {@code FARGATE} or {@code FARGATE_SPOT}
     * @param base     tasks always placed on it
     * @param weight   its share of further tasks
     */
    public record Share(String provider, int base, int weight) {
    }

    /**
     * A service's or job's capacity strategy: the stack's, with its own values over it, spelled out
     * on each one so that it never depends on the cluster's defaults.
     */
    public List<Share> shares(Capacity own) {
        ClusterSettings placed = own.over(args);
        List<Share> shares = new ArrayList<>();
        shares.add(new Share("FARGATE", placed.fargateBase(), placed.fargateWeight()));
        if (placed.spotWeight() > 0) {
            shares.add(new Share("FARGATE_SPOT", 0, placed.spotWeight()));
        }
        return List.copyOf(shares);
    }

    /** A service's capacity strategy, as the service takes it. */
    List<ServiceCapacityProviderStrategyArgs> strategy(Capacity own) {
        return shares(own).stream().map(s -> ServiceCapacityProviderStrategyArgs.builder()
                .capacityProvider(s.provider()).base(s.base()).weight(s.weight()).build()).toList();
    }

    /** Services wait for this: a strategy naming FARGATE_SPOT fails until the provider is attached. */
    public ClusterCapacityProviders capacity() {
        return capacity;
    }

    public Output<String> arn() {
        return cluster.arn();
    }

    public Output<String> name() {
        return cluster.name();
    }

    public Output<String> namespaceArn() {
        return namespace.arn();
    }
}
