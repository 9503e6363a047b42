package dev.apphome.cache;

import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.elasticache.SubnetGroup;
import com.pulumi.aws.elasticache.SubnetGroupArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.Naming;
import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.alerts.Monitored;
import dev.apphome.network.Firewall;
import dev.apphome.network.SubnetTier;
import dev.apphome.schema.Rule;
import dev.apphome.secrets.AppSecrets;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import dev.apphome.wiring.Store;
import dev.apphome.wiring.StoreContext;

import java.util.List;
import java.util.Map;

/**
 * A Valkey or Redis replication group of one shard in the isolated subnets: encrypted at rest with
 * the stack's key, TLS required in transit, an AUTH token that only Secrets Manager and the
 * services that use the cache can read, replicas with automatic failover where the stack asks.
 */
public final class Cache extends ComponentResource implements Store<Boolean>, Monitored {

    private final Firewall firewall;
    private final ReplicationGroup group;
    private final Secret authToken;

    public Cache(String name, CacheSettings args, StoreContext context) {
        super("apphome:cache:Cache", name, ComponentResourceOptions.Empty);
        Rule.require(args);
        var network = context.network();
        var keyArn = context.keyArn();
        var protection = context.protection();
        CustomResourceOptions child = protection.child(this);
        this.firewall = new Firewall(name, "Cache: only from services that use it", network.vpcId(), this);
        var subnetGroup = new SubnetGroup(Naming.child(name, "subnets"), SubnetGroupArgs.builder()
                .description("Isolated subnets of " + name)
                .subnetIds(network.ids(SubnetTier.ISOLATED))
                .build(), child);

        // ElastiCache AUTH tokens allow no punctuation other than a few characters: letters and digits only.
        Output<String> token = AppSecrets.generated(64, true);
        this.authToken = new Secret(Naming.child(name, "auth-token"), SecretArgs.builder()
                .description("AUTH token of " + name)
                .kmsKeyId(keyArn)
                .recoveryWindowInDays(7)
                .build(), protection.stateful(this));
        new SecretVersion(Naming.child(name, "auth-token"), SecretVersionArgs.builder()
                .secretId(authToken.id())
                .secretString(token)
                .build(), CustomResourceOptions.builder().parent(this).ignoreChanges("secretString").build());

        boolean failover = args.multiAz();
        this.group = new ReplicationGroup(Naming.child(name, "group"), ReplicationGroupArgs.builder()
                .replicationGroupId(name)
                .description("Cache of " + name)
                .engine(args.engine().elastiCacheName())
                .engineVersion(args.engineVersion())
                .nodeType(args.nodeType())
                .port(CacheSettings.PORT)
                .numCacheClusters(1 + args.replicas())
                .automaticFailoverEnabled(failover)
                .multiAzEnabled(failover)
                .subnetGroupName(subnetGroup.name())
                .securityGroupIds(firewall.id().applyValue(List::of))
                .atRestEncryptionEnabled(true)
                .kmsKeyId(keyArn)
                .transitEncryptionEnabled(true)
                .transitEncryptionMode("required")
                .authToken(token)
                .snapshotRetentionLimit(args.snapshotRetentionDays())
                .snapshotWindow("03:00-04:00")
                .maintenanceWindow("sun:05:00-sun:06:00")
                .autoMinorVersionUpgrade(true)
                .build(), CustomResourceOptions.builder().parent(this)
                // The token is drawn anew on every run; the one set at creation stays.
                .ignoreChanges("authToken").build());
        registerOutputs(Map.of("host", group.primaryEndpointAddress()));
    }

    /**
     * What a service that uses the cache receives: where it is, that TLS is required, and the AUTH
     * token by ARN; and the cache admits the service's security group on its port.
     */
    @Override
    public Connection connect(Client client, Boolean access) {
        firewall.admit(client.firewall(), CacheSettings.PORT, client.name() + " to the cache");
        return new Connection(
                Map.of("CACHE_HOST", host(), "CACHE_PORT", Output.of(String.valueOf(CacheSettings.PORT)),
                        "CACHE_TLS", Output.of("true")),
                Map.of("CACHE_AUTH_TOKEN", authToken.arn()),
                List.of());
    }

    /** Engine CPU and memory of the primary node. */
    @Override
    public List<Alerts.AlarmSpec> alarms(AlertSettings t) {
        Map<String, Output<String>> dimensions = Map.of("CacheClusterId", group.id().applyValue(id -> id + "-001"));
        return List.of(
                new Alerts.AlarmSpec("cache-cpu", "Cache engine CPU > " + t.cacheCpuPercent() + " %", "AWS/ElastiCache",
                        "EngineCPUUtilization", dimensions, "Average", "GreaterThanThreshold", t.cacheCpuPercent(), 60,
                        t.evaluationMinutes(), "missing"),
                new Alerts.AlarmSpec("cache-memory", "Cache memory > " + t.cacheMemoryPercent() + " %", "AWS/ElastiCache",
                        "DatabaseMemoryUsagePercentage", dimensions, "Average", "GreaterThanThreshold",
                        t.cacheMemoryPercent(), 60, t.evaluationMinutes(), "missing"));
    }

    public Output<String> host() {
        return group.primaryEndpointAddress();
    }
}
