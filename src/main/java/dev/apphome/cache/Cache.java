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
    private final SecretVersion tokenVersion;
    private final int nodes;

    public Cache(String name, CacheSettings args, StoreContext context) {
        super("apphome:cache:Cache", name, ComponentResourceOptions.Empty);
        Rule.require(args);
        this.nodes = 1 + args.replicas();
        var network = context.network();
        var keyArn = context.keyArn();
        var protection = context.protection();
        CustomResourceOptions child = protection.child(this);
        this.firewall = new Firewall(name, "Cache: only from services that use it", network.vpcId(), this);
        network.admitToIsolatedTier(CacheSettings.PORT);
        var subnetGroup = new SubnetGroup(Naming.child(name, "subnets"), SubnetGroupArgs.builder()
                .description("Isolated subnets of " + name)
                .subnetIds(network.ids(SubnetTier.ISOLATED))
                .build(), child);

        // ElastiCache AUTH tokens allow no punctuation other than a few characters: letters and digits only.
        // The value is drawn on every run but kept once stored: the secret version ignores later draws, and
        // the replication group takes the version's stored value, so the two can never disagree — not after a
        // failed first run, nor when either is replaced (the group then rotates to the version's value).
        Output<String> drawn = AppSecrets.generated(64, true);
        this.authToken = new Secret(Naming.child(name, "auth-token"), SecretArgs.builder()
                .description("AUTH token of " + name)
                .kmsKeyId(keyArn)
                .recoveryWindowInDays(7)
                .build(), protection.stateful(this));
        this.tokenVersion = new SecretVersion(Naming.child(name, "auth-token"), SecretVersionArgs.builder()
                .secretId(authToken.id())
                .secretString(drawn)
                .build(), CustomResourceOptions.builder().parent(this).ignoreChanges("secretString").build());
        Output<String> token = tokenVersion.secretString().applyValue(v -> v.orElseThrow()).asSecret();

        boolean failover = args.multiAz();
        var groupArgs = ReplicationGroupArgs.builder();
        if (args.applyImmediately()) {
            groupArgs.applyImmediately(true);
        }
        this.group = new ReplicationGroup(Naming.child(name, "group"), groupArgs
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
                // The group's identifier is fixed: a replacement must delete the old group first.
                .deleteBeforeReplace(true).build());
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
                List.of(), List.of(tokenVersion));
    }

    /**
     * Engine CPU and memory. ElastiCache publishes them per node, and failover moves the primary to
     * another node, so with replicas the alarms watch the highest value of any node; a single node
     * is watched alone.
     */
    @Override
    public List<Alerts.Alarm> alarms(AlertSettings t) {
        if (nodes > 1) {
            return List.of(
                    anyNode("cache-cpu", "Cache engine CPU > " + t.cacheCpuPercent() + " % on any node",
                            "EngineCPUUtilization", t.cacheCpuPercent(), t),
                    anyNode("cache-memory", "Cache memory > " + t.cacheMemoryPercent() + " % on any node",
                            "DatabaseMemoryUsagePercentage", t.cacheMemoryPercent(), t));
        }
        Map<String, Output<String>> dimensions = Map.of("CacheClusterId", node(1));
        return List.of(
                new Alerts.AlarmSpec("cache-cpu", "Cache engine CPU > " + t.cacheCpuPercent() + " %", "AWS/ElastiCache",
                        "EngineCPUUtilization", dimensions, "Average", "GreaterThanThreshold", t.cacheCpuPercent(),
                        t.periodSeconds(AlertSettings.Family.CACHE), t.evaluationPeriods(AlertSettings.Family.CACHE),
                        "missing"),
                new Alerts.AlarmSpec("cache-memory", "Cache memory > " + t.cacheMemoryPercent() + " %", "AWS/ElastiCache",
                        "DatabaseMemoryUsagePercentage", dimensions, "Average", "GreaterThanThreshold",
                        t.cacheMemoryPercent(), t.periodSeconds(AlertSettings.Family.CACHE),
                        t.evaluationPeriods(AlertSettings.Family.CACHE), "missing"));
    }

    private Alerts.MathAlarm anyNode(String label, String description, String metric, int threshold, AlertSettings t) {
        List<Alerts.Input> inputs = new java.util.ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            inputs.add(new Alerts.Input("n" + i, "AWS/ElastiCache", metric, Map.of("CacheClusterId", node(i)), "Average"));
        }
        return new Alerts.MathAlarm(label, description, inputs, "MAX([" + String.join(", ",
                inputs.stream().map(Alerts.Input::id).toList()) + "])", "GreaterThanThreshold", threshold,
                t.periodSeconds(AlertSettings.Family.CACHE), t.evaluationPeriods(AlertSettings.Family.CACHE), "missing");
    }

    /** The member cluster id of node {@code i}: the group's id and a three-digit number. */
    private Output<String> node(int i) {
        return group.id().applyValue(id -> id + String.format("-%03d", i));
    }

    public Output<String> host() {
        return group.primaryEndpointAddress();
    }
}
