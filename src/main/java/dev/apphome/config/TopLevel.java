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
import dev.apphome.schema.Key;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program's own top-level keys besides the stores, each one {@code apphome:<key>} in the stack
 * file. Only its annotations are used: the reader binds each key on its own, because each arrives
 * from the CLI as a value of its own.
 */
record TopLevel(
        @Key(doc = "the VPC") NetworkSettings network,
        @Key(doc = "the internet-facing load balancer (read when the stack has web services)")
        LoadBalancerSettings loadBalancer,
        @Key(doc = "CloudFront distributions, by name") Map<String, DistributionSettings> distributions,
        @Key(doc = "the ECS cluster and its capacity providers") ClusterSettings cluster,
        @Key(doc = "ECR repositories for the stack's images, by name") Map<String, RepositorySettings> repositories,
        @Key(doc = "the services, by name") Map<String, ServiceSettings> services,
        @Key(doc = "application secrets in Secrets Manager, by name") Map<String, SecretSettings> secrets,
        @Key(doc = "alarm thresholds and recipients") AlertSettings alerts,
        @Key(doc = "how much of the traced services' traffic X-Ray samples") TraceSampling traceSampling,
        @Key(doc = "a monthly cost budget notifying `alerts.emails`") Optional<BudgetSettings> budget,
        @Key(doc = "a CloudTrail trail of the account's API activity") Optional<TrailSettings> trail,
        @Key(doc = "days container and database logs are kept", unit = "days", dflt = "30") LogRetention logRetentionDays,
        @Key(doc = "Pulumi `protect` on the database, buckets, key and secrets", dflt = "true") boolean protectResources,
        @Key(doc = "announced replacements and deletions of stateful resources, which `bin/diff` then lets through")
        List<ReplaceAllowance> allowReplace) {
}
