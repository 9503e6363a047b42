package dev.apphome.database;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.rds.Proxy;
import com.pulumi.aws.rds.ProxyArgs;
import com.pulumi.aws.rds.ProxyDefaultTargetGroup;
import com.pulumi.aws.rds.ProxyDefaultTargetGroupArgs;
import com.pulumi.aws.rds.ProxyTarget;
import com.pulumi.aws.rds.ProxyTargetArgs;
import com.pulumi.aws.rds.inputs.ProxyAuthArgs;
import com.pulumi.aws.rds.inputs.ProxyDefaultTargetGroupConnectionPoolConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.apphome.common.AwsContext;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.network.Firewall;
import dev.apphome.network.Network;
import dev.apphome.network.SubnetTier;

import java.util.List;
import java.util.Map;

/**
 * The RDS Proxy in front of a {@link Database}, declared as part of it: in the isolated subnets,
 * TLS required from clients, signing in to the database with the RDS-managed master secret (which
 * its role may read and decrypt, nothing else), pooling connections as the stack file says. Its
 * security group sits between the services and the database, which then admits only the proxy.
 */
final class DatabaseProxy {

    /** RDS's name for the one target group every proxy has. */
    static final String DEFAULT_TARGET_GROUP = "default";

    private final Proxy proxy;
    private final Firewall firewall;
    private final ProxySettings args;
    private final AwsContext aws;

    /**
     * @param name            the database component's name; children are {@code <name>-proxy…}
     * @param target          sets the proxy target's database: the instance or the cluster identifier
     * @param targetResources what must exist before the target is registered (the instance, or the cluster's writer)
     */
    DatabaseProxy(String name, ProxySettings args, DatabaseEngine engine, Network network, AwsContext aws,
                  Output<String> keyArn, Output<String> masterSecretArn, Firewall database,
                  java.util.function.Consumer<ProxyTargetArgs.Builder> target, List<Resource> targetResources,
                  Resource owner) {
        this.args = args;
        this.aws = aws;
        String proxyName = Naming.child(name, "proxy");
        CustomResourceOptions child = CustomResourceOptions.builder().parent(owner).build();
        int port = engine.port();

        this.firewall = new Firewall(proxyName, "Database proxy: only from services that use the database",
                network.vpcId(), owner);
        database.admit(firewall, port, "the proxy to the database");
        // The proxy reaches the database across AZs within the isolated tier.
        network.connectWithinIsolatedTier();

        // RDS Proxy's documented trust policy names the service alone: whether RDS sends aws:SourceAccount when a
        // proxy assumes its role is not documented, and a condition it did not meet would lock the proxy out.
        var role = new Role(proxyName, RoleArgs.builder()
                .description("Lets the RDS Proxy of " + name + " read the database's master secret")
                .assumeRolePolicy(PolicyDocument.assumedBy("rds.amazonaws.com"))
                .build(), child);
        // The secret is encrypted with the stack's key: without kms:Decrypt the proxy cannot read it and never
        // connects to its targets.
        var permissions = new RolePolicy(proxyName, RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyDocument.of(List.of(
                        PolicyDocument.allow("ReadMasterSecret", List.of("secretsmanager:GetSecretValue"),
                                List.of(masterSecretArn)),
                        PolicyDocument.withCondition(PolicyDocument.allow("DecryptMasterSecret", List.of("kms:Decrypt"),
                                        List.of(keyArn)),
                                Map.of("StringEquals", Map.of("kms:ViaService",
                                        "secretsmanager." + aws.region() + ".amazonaws.com"))))))
                .build(), child);

        this.proxy = new Proxy(proxyName, ProxyArgs.builder()
                .engineFamily(engine == DatabaseEngine.POSTGRES ? "POSTGRESQL" : "MYSQL")
                .auths(ProxyAuthArgs.builder()
                        .authScheme("SECRETS")
                        .secretArn(masterSecretArn)
                        .iamAuth(args.iamAuth() ? "REQUIRED" : "DISABLED")
                        .description("The master user, from the RDS-managed secret")
                        .build())
                .roleArn(role.arn())
                .vpcSubnetIds(network.ids(SubnetTier.ISOLATED))
                .vpcSecurityGroupIds(firewall.id().applyValue(List::of))
                .requireTls(true)
                // Debug logging writes SQL text, parameters included, to CloudWatch Logs.
                .debugLogging(false)
                .idleClientTimeout(args.idleClientTimeoutSeconds())
                .build(), CustomResourceOptions.builder().parent(owner).dependsOn(permissions).build());

        var pool = new ProxyDefaultTargetGroup(Naming.child(proxyName, "pool"), ProxyDefaultTargetGroupArgs.builder()
                .dbProxyName(proxy.name())
                .connectionPoolConfig(ProxyDefaultTargetGroupConnectionPoolConfigArgs.builder()
                        .maxConnectionsPercent(args.maxConnectionsPercent())
                        .maxIdleConnectionsPercent(args.maxIdleConnectionsPercent())
                        .connectionBorrowTimeout(args.connectionBorrowTimeoutSeconds())
                        .build())
                .build(), child);
        var targetArgs = ProxyTargetArgs.builder()
                .dbProxyName(proxy.name())
                .targetGroupName(DEFAULT_TARGET_GROUP);
        target.accept(targetArgs);
        List<Resource> before = new java.util.ArrayList<>(targetResources);
        before.add(pool);
        new ProxyTarget(Naming.child(proxyName, "target"), targetArgs.build(),
                CustomResourceOptions.builder().parent(owner).dependsOn(before).build());
    }

    /** Admits {@code client} to the proxy on the engine's port (RDS Proxy listens on the engine's default port). */
    void admit(Firewall client, int port, String why) {
        firewall.admit(client, port, why);
    }

    Output<String> endpoint() {
        return proxy.endpoint();
    }

    Output<String> name() {
        return proxy.name();
    }

    ProxySettings settings() {
        return args;
    }

    /**
     * The IAM resource of a database user signing in through this proxy:
     * {@code arn:aws:rds-db:<region>:<account>:dbuser:<proxy resource id>/<user>}, where the resource id
     * ({@code prx-…}) ends the proxy's ARN.
     */
    Output<String> dbUserArn(String user) {
        return Output.tuple(proxy.arn(), aws.accountId()).applyValue(t -> "arn:" + aws.partition() + ":rds-db:"
                + aws.region() + ":" + t.t2 + ":dbuser:" + t.t1.substring(t.t1.lastIndexOf(':') + 1) + "/" + user);
    }
}
