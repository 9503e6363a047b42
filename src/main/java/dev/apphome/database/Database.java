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
import dev.apphome.common.Protection;
import dev.apphome.network.Firewall;
import dev.apphome.network.Network;
import dev.apphome.network.SubnetTier;
import dev.apphome.service.Connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL or MySQL in the isolated subnets, as one RDS instance or an Aurora cluster: storage
 * encrypted with the stack's key, the master password created and kept by RDS in Secrets Manager
 * (never in the stack file or Pulumi state), TLS forced by the parameter group, logs exported to
 * encrypted log groups, and reachable only from the services that {@link #admit} it.
 */
public final class Database extends ComponentResource {

    static final String MASTER_USERNAME = "appadmin";

    private final DatabaseArgs args;
    private final Firewall firewall;
    private final String identifier;
    private final Output<String> host;
    private final Output<String> masterSecretArn;

    public Database(String name, DatabaseArgs args, Network network, Output<String> keyArn, int logRetentionDays,
                    Protection protection, ComponentResourceOptions options) {
        super("apphome:database:Database", name, options);
        this.args = args;
        // A fixed identifier lets the log groups exist, encrypted, before RDS starts exporting to them.
        this.identifier = name;
        CustomResourceOptions child = protection.child(this);

        this.firewall = new Firewall(name, "Database: only from services that use it", network.vpcId(), this);
        var subnetGroup = new SubnetGroup(Naming.child(name, "subnets"), SubnetGroupArgs.builder()
                .description("Isolated subnets of " + name)
                .subnetIds(network.ids(SubnetTier.ISOLATED))
                .build(), child);

        boolean aurora = args.deployment() == DatabaseDeployment.AURORA;
        List<Resource> logGroups = new ArrayList<>();
        for (String log : logExports(args.engine())) {
            logGroups.add(new LogGroup(Naming.child(name, "log-" + log), LogGroupArgs.builder()
                    .name("/aws/rds/" + (aurora ? "cluster" : "instance") + "/" + identifier + "/" + log)
                    .retentionInDays(logRetentionDays)
                    .kmsKeyId(keyArn)
                    .build(), child));
        }
        var stateful = CustomResourceOptions.builder().parent(this).protect(protection.protectData())
                .dependsOn(logGroups).build();

        if (aurora) {
            var parameters = new ClusterParameterGroup(Naming.child(name, "params"), ClusterParameterGroupArgs.builder()
                    .description("TLS-only connections for " + name)
                    .family(args.parameterGroupFamily())
                    .parameters(ClusterParameterGroupParameterArgs.builder()
                            .name(tlsParameter(args.engine())).value(tlsValue(args.engine()))
                            .applyMethod("pending-reboot").build())
                    .build(), child);
            var cluster = new Cluster(Naming.child(name, "cluster"), ClusterArgs.builder()
                    .clusterIdentifier(identifier)
                    .engine(args.rdsEngine())
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
                    .enabledCloudwatchLogsExports(logExports(args.engine()))
                    .build(), stateful);
            for (int i = 0; i <= args.readers(); i++) {
                String role = i == 0 ? "writer" : "reader-" + i;
                new ClusterInstance(Naming.child(name, role), ClusterInstanceArgs.builder()
                        .identifier(identifier + "-" + role)
                        .clusterIdentifier(cluster.id())
                        .engine(args.rdsEngine())
                        .engineVersion(args.engineVersion())
                        .instanceClass(args.instanceClass())
                        .publiclyAccessible(false)
                        .autoMinorVersionUpgrade(true)
                        .performanceInsightsEnabled(args.performanceInsights())
                        .performanceInsightsKmsKeyId(args.performanceInsights() ? keyArn : null)
                        .promotionTier(i)
                        .build(), protection.stateful(this));
            }
            this.host = cluster.endpoint();
            this.masterSecretArn = cluster.masterUserSecrets()
                    .applyValue(secrets -> secrets.get(0).secretArn().orElseThrow());
        } else {
            var parameters = new ParameterGroup(Naming.child(name, "params"), ParameterGroupArgs.builder()
                    .description("TLS-only connections for " + name)
                    .family(args.parameterGroupFamily())
                    .parameters(ParameterGroupParameterArgs.builder()
                            .name(tlsParameter(args.engine())).value(tlsValue(args.engine()))
                            .applyMethod("pending-reboot").build())
                    .build(), child);
            var instance = new Instance(Naming.child(name, "instance"), InstanceArgs.builder()
                    .identifier(identifier)
                    .engine(args.rdsEngine())
                    .engineVersion(args.engineVersion())
                    .instanceClass(args.instanceClass())
                    .allocatedStorage(args.allocatedStorageGb())
                    .maxAllocatedStorage(args.maxAllocatedStorageGb())
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
                    .multiAz(args.multiAz())
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
                    .enabledCloudwatchLogsExports(logExports(args.engine()))
                    .build(), stateful);
            this.host = instance.address();
            this.masterSecretArn = instance.masterUserSecrets()
                    .applyValue(secrets -> secrets.get(0).secretArn().orElseThrow());
        }
        registerOutputs(Map.of("host", host, "port", Output.of(args.engine().port())));
    }

    static List<String> logExports(DatabaseEngine engine) {
        return engine == DatabaseEngine.POSTGRES ? List.of("postgresql", "upgrade") : List.of("error", "slowquery");
    }

    static String tlsParameter(DatabaseEngine engine) {
        return engine == DatabaseEngine.POSTGRES ? "rds.force_ssl" : "require_secure_transport";
    }

    static String tlsValue(DatabaseEngine engine) {
        return engine == DatabaseEngine.POSTGRES ? "1" : "ON";
    }

    /**
     * What a service that uses the database receives: where it is, and the master credentials by
     * secret ARN. The task role may also read the secret, because RDS rotates it every 7 days and
     * a long-running task must fetch the new password itself (DB_SECRET_ARN names it).
     */
    public Connection connection(String region, Output<String> keyArn) {
        return new Connection(
                Map.of("DB_HOST", host, "DB_PORT", Output.of(String.valueOf(port())),
                        "DB_NAME", Output.of(args.databaseName()), "DB_SECRET_ARN", masterSecretArn),
                Map.of("DB_CREDENTIALS", masterSecretArn),
                List.of(PolicyDocument.allow("ReadDatabaseCredentials", List.of("secretsmanager:GetSecretValue"),
                                List.of(masterSecretArn)),
                        PolicyDocument.withCondition(PolicyDocument.allow("DecryptDatabaseCredentials",
                                        List.of("kms:Decrypt"), List.of(keyArn)),
                                Map.of("StringEquals", Map.of("kms:ViaService",
                                        "secretsmanager." + region + ".amazonaws.com")))));
    }

    /** Lets {@code client} connect on the database port; nothing else can. */
    public void admit(Firewall client, String clientName) {
        firewall.admit(client, args.engine().port(), clientName + " to the database");
    }

    public Output<String> host() {
        return host;
    }

    public int port() {
        return args.engine().port();
    }

    public String databaseName() {
        return args.databaseName();
    }

    /** The RDS-managed secret holding {@code {"username", "password"}}; rotated by RDS every 7 days. */
    public Output<String> masterSecretArn() {
        return masterSecretArn;
    }

    public String identifier() {
        return identifier;
    }

    public DatabaseArgs args() {
        return args;
    }
}
