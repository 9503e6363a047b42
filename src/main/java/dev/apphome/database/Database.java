package dev.apphome.database;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.ClusterParameterGroup;
import com.pulumi.aws.rds.ClusterParameterGroupArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.ParameterGroup;
import com.pulumi.aws.rds.ParameterGroupArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.rds.inputs.ClusterParameterGroupParameterArgs;
import com.pulumi.aws.rds.inputs.ParameterGroupParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.alerts.Monitored;
import dev.apphome.network.Firewall;
import dev.apphome.network.SubnetTier;
import dev.apphome.schema.Rule;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import dev.apphome.wiring.Store;
import dev.apphome.wiring.StoreContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL or MySQL in the isolated subnets, as one RDS instance or an Aurora cluster: storage
 * encrypted with the stack's key, the master password created and kept by RDS in Secrets Manager
 * (never in the stack file or Pulumi state), TLS forced by the parameter group, logs exported to
 * encrypted log groups, and reachable only from the services that {@link #connect} to it.
 */
public final class Database extends ComponentResource implements Store<Boolean>, Monitored {

    static final String MASTER_USERNAME = "appadmin";
    private static final double GIB = 1024d * 1024d * 1024d;

    private final DatabaseSettings args;
    private final Firewall firewall;
    private final String identifier;
    private final Output<String> host;
    private final Output<String> masterSecretArn;
    private final Output<String> keyArn;
    private final String region;
    private final java.util.Optional<DatabaseProxy> proxy;

    public Database(String name, DatabaseSettings args, StoreContext context) {
        super("apphome:database:Database", name, ComponentResourceOptions.Empty);
        this.args = Rule.require(args);
        var network = context.network();
        var protection = context.protection();
        var keyArn = context.keyArn();
        this.keyArn = keyArn;
        this.region = context.aws().region();
        int logRetentionDays = context.logRetentionDays();
        DatabaseEngine.Flavor flavor = args.flavor();
        // A fixed identifier lets the log groups exist, encrypted, before RDS starts exporting to them.
        this.identifier = name;
        CustomResourceOptions child = protection.child(this);

        this.firewall = new Firewall(name, "Database: only from services that use it", network.vpcId(), this);
        network.admitToIsolatedTier(args.engine().port());
        var subnetGroup = new SubnetGroup(Naming.child(name, "subnets"), SubnetGroupArgs.builder()
                .description("Isolated subnets of " + name)
                .subnetIds(network.ids(SubnetTier.ISOLATED))
                .build(), child);

        List<Resource> logGroups = new ArrayList<>();
        for (String log : flavor.logExports()) {
            logGroups.add(new LogGroup(Naming.child(name, "log-" + log), LogGroupArgs.builder()
                    .name("/aws/rds/" + args.deployment().logGroupKind() + "/" + identifier + "/" + log)
                    .retentionInDays(logRetentionDays)
                    .kmsKeyId(keyArn)
                    .build(), child));
        }
        // Identifiers are fixed (so that the log groups can exist first), so a replacement must delete the
        // old database before creating the new one: Pulumi's create-first order would fail on the name.
        var stateful = CustomResourceOptions.builder().parent(this).protect(protection.protectData())
                .deleteBeforeReplace(true).dependsOn(logGroups).build();

        // The description stays as it was when the groups held only the TLS parameter: RDS cannot change a
        // group's description, so a new one would replace the group.
        DatabaseEngine.ParameterGroups groups = flavor.groups(args.parameters());
        if (args.deployment() instanceof DatabaseDeployment.Aurora aurora) {
            var parameters = new ClusterParameterGroup(Naming.child(name, "params"), ClusterParameterGroupArgs.builder()
                    .description("TLS-only connections for " + name)
                    .family(args.parameterGroupFamily())
                    .parameters(groups.main().stream().map(p -> ClusterParameterGroupParameterArgs.builder()
                            .name(p.name()).value(p.value()).applyMethod(p.applyMethod()).build()).toList())
                    .build(), child);
            // Instance-level parameters (Aurora MySQL's max_connections, …) in a group every instance uses; none
            // when the stack file sets none, so that instances keep the default group.
            ParameterGroup instanceParameters = groups.instances().isEmpty() ? null
                    : new ParameterGroup(Naming.child(name, "instance-params"), ParameterGroupArgs.builder()
                    .description("Instance parameters for " + name)
                    .family(args.parameterGroupFamily())
                    .parameters(groups.instances().stream().map(p -> ParameterGroupParameterArgs.builder()
                            .name(p.name()).value(p.value()).applyMethod(p.applyMethod()).build()).toList())
                    .build(), child);
            var clusterArgs = ClusterArgs.builder();
            if (args.applyImmediately()) {
                clusterArgs.applyImmediately(true);
            }
            var cluster = new Cluster(Naming.child(name, "cluster"), clusterArgs
                    .clusterIdentifier(identifier)
                    .engine(flavor.rdsEngine())
                    .engineVersion(args.engineVersion())
                    .databaseName(args.databaseName())
                    .masterUsername(MASTER_USERNAME)
                    .manageMasterUserPassword(true)
                    .masterUserSecretKmsKeyId(keyArn)
                    .storageEncrypted(true)
                    .kmsKeyId(keyArn)
                    .dbSubnetGroupName(subnetGroup.name())
                    .vpcSecurityGroupIds(firewall.id().applyValue(List::of))
                    .dbClusterParameterGroupName(parameters.name())
                    .backupRetentionPeriod(args.backupRetentionDays())
                    .preferredBackupWindow("02:00-03:00")
                    .preferredMaintenanceWindow("sun:04:00-sun:05:00")
                    .deletionProtection(args.deletionProtection())
                    .skipFinalSnapshot(args.skipFinalSnapshot())
                    .finalSnapshotIdentifier(identifier + "-final")
                    .copyTagsToSnapshot(true)
                    .iamDatabaseAuthenticationEnabled(true)
                    .enabledCloudwatchLogsExports(flavor.logExports())
                    .build(), stateful);
            ClusterInstance writer = null;
            for (int i = 0; i <= aurora.readers(); i++) {
                String role = i == 0 ? "writer" : "reader-" + i;
                var instanceArgs = ClusterInstanceArgs.builder();
                if (args.applyImmediately()) {
                    instanceArgs.applyImmediately(true);
                }
                if (instanceParameters != null) {
                    instanceArgs.dbParameterGroupName(instanceParameters.name());
                }
                var member = new ClusterInstance(Naming.child(name, role), instanceArgs
                        .identifier(identifier + "-" + role)
                        .clusterIdentifier(cluster.id())
                        .engine(flavor.rdsEngine())
                        // No version: instances follow the cluster's, which RDS upgrades in place.
                        .instanceClass(args.instanceClass())
                        .publiclyAccessible(false)
                        .autoMinorVersionUpgrade(flavor.minorUpgradesInPlace())
                        .performanceInsightsEnabled(args.performanceInsights())
                        .performanceInsightsKmsKeyId(args.performanceInsights() ? keyArn : null)
                        .promotionTier(i)
                        .build(), CustomResourceOptions.builder().parent(this).protect(protection.protectData())
                        .deleteBeforeReplace(true).build());
                writer = writer == null ? member : writer;
            }
            this.host = cluster.endpoint();
            this.masterSecretArn = cluster.masterUserSecrets()
                    .applyValue(secrets -> secrets.get(0).secretArn().orElseThrow());
            List<Resource> targets = List.of(writer);
            this.proxy = args.proxy().map(p -> new DatabaseProxy(name, p, args.engine(), network, context.aws(), keyArn,
                    masterSecretArn, firewall, t -> t.dbClusterIdentifier(cluster.clusterIdentifier()), targets, this));
        } else {
            var instanceShape = (DatabaseDeployment.Instance) args.deployment();
            var parameters = new ParameterGroup(Naming.child(name, "params"), ParameterGroupArgs.builder()
                    .description("TLS-only connections for " + name)
                    .family(args.parameterGroupFamily())
                    .parameters(groups.main().stream().map(p -> ParameterGroupParameterArgs.builder()
                            .name(p.name()).value(p.value()).applyMethod(p.applyMethod()).build()).toList())
                    .build(), child);
            var instanceArgs = InstanceArgs.builder();
            if (args.applyImmediately()) {
                instanceArgs.applyImmediately(true);
            }
            var instance = new Instance(Naming.child(name, "instance"), instanceArgs
                    .identifier(identifier)
                    .engine(flavor.rdsEngine())
                    .engineVersion(args.engineVersion())
                    .instanceClass(args.instanceClass())
                    .allocatedStorage(instanceShape.allocatedStorageGb())
                    .maxAllocatedStorage(instanceShape.maxAllocatedStorageGb())
                    .storageType("gp3")
                    .storageEncrypted(true)
                    .kmsKeyId(keyArn)
                    .dbName(args.databaseName())
                    .username(MASTER_USERNAME)
                    .manageMasterUserPassword(true)
                    .masterUserSecretKmsKeyId(keyArn)
                    .dbSubnetGroupName(subnetGroup.name())
                    .vpcSecurityGroupIds(firewall.id().applyValue(List::of))
                    .parameterGroupName(parameters.name())
                    .multiAz(instanceShape.multiAz())
                    .publiclyAccessible(false)
                    .backupRetentionPeriod(args.backupRetentionDays())
                    .backupWindow("02:00-03:00")
                    .maintenanceWindow("sun:04:00-sun:05:00")
                    .deletionProtection(args.deletionProtection())
                    .skipFinalSnapshot(args.skipFinalSnapshot())
                    .finalSnapshotIdentifier(identifier + "-final")
                    .copyTagsToSnapshot(true)
                    .deleteAutomatedBackups(false)
                    .autoMinorVersionUpgrade(true)
                    .allowMajorVersionUpgrade(false)
                    .iamDatabaseAuthenticationEnabled(true)
                    .performanceInsightsEnabled(args.performanceInsights())
                    .performanceInsightsKmsKeyId(args.performanceInsights() ? keyArn : null)
                    .enabledCloudwatchLogsExports(flavor.logExports())
                    .build(), stateful);
            this.host = instance.address();
            this.masterSecretArn = instance.masterUserSecrets()
                    .applyValue(secrets -> secrets.get(0).secretArn().orElseThrow());
            this.proxy = args.proxy().map(p -> new DatabaseProxy(name, p, args.engine(), network, context.aws(), keyArn,
                    masterSecretArn, firewall, t -> t.dbInstanceIdentifier(instance.identifier()), List.of(instance), this));
        }
        registerOutputs(Map.of("host", host, "port", Output.of(args.engine().port())));
    }

    /**
     * What a service that uses the database receives: where it is, and the master credentials by
     * secret ARN; and the database admits the service's security group on its port. The task role
     * may also read the secret, because RDS rotates it every 7 days and a long-running task must
     * fetch the new password itself (DB_SECRET_ARN names it).
     *
     * <p>With a proxy, the service gets the proxy's endpoint instead and is admitted by the proxy,
     * not the database, which admits only the proxy. A proxy that requires IAM sign-in gives the
     * service no credentials at all: the user name, and the right to sign in as that user through
     * this proxy ({@code rds-db:connect}).
     */
    @Override
    public Connection connect(Client client, Boolean access) {
        int port = args.engine().port();
        Map<String, Output<String>> environment = new java.util.LinkedHashMap<>(Map.of(
                "DB_PORT", Output.of(String.valueOf(port)), "DB_NAME", Output.of(args.databaseName())));
        if (proxy.isPresent()) {
            proxy.get().admit(client.firewall(), port, client.name() + " to the database proxy");
            environment.put("DB_HOST", proxy.get().endpoint());
            if (proxy.get().settings().iamAuth()) {
                environment.put("DB_USER", Output.of(MASTER_USERNAME));
                environment.put("DB_IAM_AUTH", Output.of("true"));
                return new Connection(environment, Map.of(), List.of(PolicyDocument.allow("ConnectThroughDatabaseProxy",
                        List.of("rds-db:connect"), List.of(proxy.get().dbUserArn(MASTER_USERNAME)))));
            }
        } else {
            firewall.admit(client.firewall(), port, client.name() + " to the database");
            environment.put("DB_HOST", host);
        }
        environment.put("DB_SECRET_ARN", masterSecretArn);
        return new Connection(environment,
                Map.of("DB_CREDENTIALS", masterSecretArn),
                List.of(PolicyDocument.allow("ReadDatabaseCredentials", List.of("secretsmanager:GetSecretValue"),
                                List.of(masterSecretArn)),
                        PolicyDocument.withCondition(PolicyDocument.allow("DecryptDatabaseCredentials",
                                        List.of("kms:Decrypt"), List.of(keyArn)),
                                Map.of("StringEquals", Map.of("kms:ViaService",
                                        "secretsmanager." + region + ".amazonaws.com")))));
    }

    /** CPU, connections, and (single instance: Aurora storage grows by itself) free storage. */
    @Override
    public List<Alerts.Alarm> alarms(AlertSettings t) {
        Map<String, Output<String>> dimensions = Map.of(args.deployment().metricDimension(), Output.of(identifier));
        int period = t.periodSeconds(AlertSettings.Family.DATABASE);
        int periods = t.evaluationPeriods(AlertSettings.Family.DATABASE);
        var cpu = new Alerts.AlarmSpec("db-cpu", "Database CPU > " + t.databaseCpuPercent() + " %", "AWS/RDS",
                "CPUUtilization", dimensions, "Average", "GreaterThanThreshold", t.databaseCpuPercent(), period,
                periods, "missing");
        var connections = new Alerts.AlarmSpec("db-connections", connectionsDescription(t), "AWS/RDS",
                "DatabaseConnections", dimensions, "Maximum", "GreaterThanThreshold", connectionsThreshold(t), period,
                periods, "missing");
        List<Alerts.Alarm> alarms = new ArrayList<>(List.of(cpu, connections));
        if (!args.aurora()) {
            alarms.add(new Alerts.AlarmSpec("db-storage", "Database free storage < " + t.databaseFreeStorageGb() + " GiB",
                    "AWS/RDS", "FreeStorageSpace", dimensions, "Minimum", "LessThanThreshold",
                    t.databaseFreeStorageGb() * GIB, 300, 1, "missing"));
        }
        // RDS Proxy publishes ClientConnections each minute; Sum is the statistic AWS documents for it.
        proxy.ifPresent(p -> alarms.add(new Alerts.AlarmSpec("db-proxy-connections", "Database proxy client connections > "
                + t.proxyClientConnections(), "AWS/RDS", "ClientConnections", Map.of("ProxyName", p.name()), "Sum",
                "GreaterThanThreshold", t.proxyClientConnections(), period, periods, "missing")));
        return List.copyOf(alarms);
    }

    /**
     * The connections that raise an alarm: a number, or a share of the engine's default maximum for
     * the class (the reader refuses a share for a class whose maximum it cannot compute).
     */
    private int connectionsThreshold(AlertSettings t) {
        if (t.databaseConnectionsPercent() == null) {
            return t.databaseConnections();
        }
        int max = args.maxConnections().orElseThrow();
        return Math.max(1, max * t.databaseConnectionsPercent() / 100);
    }

    private String connectionsDescription(AlertSettings t) {
        if (t.databaseConnectionsPercent() == null) {
            return "Database connections > " + t.databaseConnections();
        }
        String of = args.parameters().containsKey("max_connections") ? "max_connections "
                : args.instanceClass() + "'s ";
        return "Database connections > " + t.databaseConnectionsPercent() + " % of " + of
                + args.maxConnections().orElseThrow() + " (" + connectionsThreshold(t) + ")";
    }

    public Output<String> host() {
        return host;
    }

    /** The proxy's endpoint, when the database has a proxy. */
    public java.util.Optional<Output<String>> proxyHost() {
        return proxy.map(DatabaseProxy::endpoint);
    }
}
