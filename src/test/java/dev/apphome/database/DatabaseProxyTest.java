package dev.apphome.database;

import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.config.InvalidSettingsException;
import dev.apphome.config.Problem;
import dev.apphome.network.Firewall;
import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Components;
import dev.apphome.support.Json;
import dev.apphome.support.Plans;
import dev.apphome.support.Stacks;
import dev.apphome.wiring.Client;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The RDS Proxy in front of the database, alone in a stack with one client service. Mocks cannot
 * prove that RDS accepts the role (IAM evaluates it when the proxy first reads the secret), that the
 * AZs of the isolated subnets all offer proxies, or that a client's driver negotiates TLS; what these
 * tests pin is what decides those: the trust and permission policies, the subnets, requireTls and the
 * security-group chain.
 */
class DatabaseProxyTest {

    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String PROXY = "aws:rds/proxy:Proxy";

    /** Plans already made in this class, by settings: most tests read the same few. */
    private static final Map<Map<String, Object>, PlanRunner.Result> PLANS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A database with a proxy and one client, api, whose connection is probed as "api"; planned once per settings. */
    private static PlanRunner.Result withClient(Map<String, Object> values) {
        return PLANS.computeIfAbsent(values, DatabaseProxyTest::plan);
    }

    private static PlanRunner.Result plan(Map<String, Object> values) {
        var settings = Components.settings(DatabaseSettings.class, values);
        return Components.declare(s -> {
            var db = new Database("db", settings, s.stores());
            var client = new Firewall("api", "a client", s.network(2).vpcId(), db);
            Components.probe("api", db.connect(new Client("api", client), true));
        });
    }

    /** "port source-group" for every ingress rule of a group. */
    private static List<String> ingress(PlanRunner.Result plan, String group) {
        return Plans.dependents(plan, plan.named(group), INGRESS, "securityGroupId").stream()
                .map(r -> r.input("fromPort") + " " + source(plan, r, "referencedSecurityGroupId").name()).sorted().toList();
    }

    @Test
    void servicesReachTheProxyAndOnlyTheProxyReachesTheDatabase() {
        var plan = withClient(Map.of("engine", "postgres", "instanceClass", "db.t4g.micro", "proxy", Map.of()));

        assertEquals(List.of("5432 api-sg"), ingress(plan, "db-proxy-sg"));
        assertEquals(List.of("5432 db-proxy-sg"), ingress(plan, "db-sg"));
        assertEquals(List.of("api-sg-out-db-proxy-sg-5432"), Plans.dependents(plan, plan.named("api-sg"),
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "securityGroupId").stream()
                .map(PlannedResource::name).toList());
        assertEquals(List.of("db-proxy-sg-out-db-sg-5432"), Plans.dependents(plan, plan.named("db-proxy-sg"),
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "securityGroupId").stream()
                .map(PlannedResource::name).toList());
    }

    @Test
    void theProxyRequiresTlsFromTheIsolatedSubnetsAndSignsInWithTheManagedSecret() {
        var plan = withClient(Map.of("engine", "postgres", "instanceClass", "db.t4g.micro", "proxy", Map.of()));
        var proxy = plan.ofType(PROXY).get(0);
        var instance = plan.ofType("aws:rds/instance:Instance").get(0);
        String secret = (String) Plans.map(Plans.list(instance.outputs().get("masterUserSecrets")).get(0)).get("secretArn");

        assertEquals(List.of(true, false, "POSTGRESQL", 1800L), List.of(proxy.input("requireTls"),
                proxy.input("debugLogging"), proxy.input("engineFamily"), proxy.input("idleClientTimeout")));
        assertEquals(List.of(Map.of("authScheme", "SECRETS", "secretArn", secret, "iamAuth", "DISABLED",
                "description", "The master user, from the RDS-managed secret")), proxy.input("auths"));
        assertEquals(List.of("test-isolated-1", "test-isolated-2"), Plans.names(Plans.sources(plan, proxy, "vpcSubnetIds")));
        assertEquals(List.of("db-proxy-sg"), Plans.names(Plans.sources(plan, proxy, "vpcSecurityGroupIds")));
    }

    @Test
    void theProxysRoleMayReadAndDecryptTheMasterSecretAndNothingElse() {
        var plan = withClient(Map.of("engine", "mysql", "instanceClass", "db.t4g.micro", "proxy", Map.of()));
        var role = plan.named("aws:iam/role:Role", "db-proxy");
        var instance = plan.ofType("aws:rds/instance:Instance").get(0);
        String secret = (String) Plans.map(Plans.list(instance.outputs().get("masterUserSecrets")).get(0)).get("secretArn");
        String key = (String) plan.ofType("aws:kms/key:Key").get(0).outputs().get("arn");

        assertEquals(List.of(Map.of("Effect", "Allow", "Principal", Map.of("Service", "rds.amazonaws.com"),
                "Action", "sts:AssumeRole")), Json.statements(role, "assumeRolePolicy"));
        assertEquals(List.of(
                Map.of("Sid", "ReadMasterSecret", "Effect", "Allow", "Action", List.of("secretsmanager:GetSecretValue"),
                        "Resource", List.of(secret)),
                Map.of("Sid", "DecryptMasterSecret", "Effect", "Allow", "Action", List.of("kms:Decrypt"),
                        "Resource", List.of(key), "Condition", Map.of("StringEquals",
                                Map.of("kms:ViaService", "secretsmanager.eu-west-1.amazonaws.com")))),
                Json.statements(plan.named("aws:iam/rolePolicy:RolePolicy", "db-proxy"), "policy"));
        assertEquals(role.urn(), source(plan, plan.ofType(PROXY).get(0), "roleArn").urn());
    }

    @Test
    void servicesGetTheProxyAsTheirHostAndTheSamePortAndCredentials() {
        var plan = withClient(Map.of("engine", "mysql", "instanceClass", "db.t4g.micro", "proxy", Map.of()));
        var proxy = plan.ofType(PROXY).get(0);
        String secret = (String) Plans.map(Plans.list(plan.ofType("aws:rds/instance:Instance").get(0)
                .outputs().get("masterUserSecrets")).get(0)).get("secretArn");

        assertEquals(List.of("DB_HOST", "DB_NAME", "DB_PORT", "DB_SECRET_ARN"), Components.probes(plan, "api-env-"));
        assertEquals(proxy.outputs().get("endpoint"), Components.probed(plan, "api-env-DB_HOST"));
        assertEquals("3306", Components.probed(plan, "api-env-DB_PORT"));
        assertEquals(secret, Components.probed(plan, "api-secret-DB_CREDENTIALS"));
    }

    @Test
    void thePoolAndTheTargetAreTheStackFilesAndTheTargetWaitsForTheDatabase() {
        var plan = withClient(Map.of("engine", "mysql", "instanceClass", "db.t4g.micro", "proxy", Map.of(
                "maxConnectionsPercent", 90, "maxIdleConnectionsPercent", 10, "connectionBorrowTimeoutSeconds", 30,
                "idleClientTimeoutSeconds", 600)));
        var pool = plan.named("aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup", "db-proxy-pool");
        var target = plan.named("aws:rds/proxyTarget:ProxyTarget", "db-proxy-target");
        var instance = plan.ofType("aws:rds/instance:Instance").get(0);

        assertEquals(Map.of("maxConnectionsPercent", 90L, "maxIdleConnectionsPercent", 10L, "connectionBorrowTimeout", 30L),
                pool.input("connectionPoolConfig"));
        assertEquals(600L, plan.ofType(PROXY).get(0).input("idleClientTimeout"));
        assertEquals(List.of("default", "db"), List.of(target.inputString("targetGroupName"),
                target.inputString("dbInstanceIdentifier")));
        assertEquals(true, target.dependencies().containsAll(List.of(instance.urn(), pool.urn())));
    }

    @Test
    void anAuroraClustersProxyTargetsTheClusterOnceItsWriterExists() {
        var plan = withClient(Map.of("engine", "mysql", "deployment", "aurora", "instanceClass", "db.r6g.large",
                "readers", 1, "multiAz", true, "proxy", Map.of()));
        var target = plan.named("aws:rds/proxyTarget:ProxyTarget", "db-proxy-target");

        assertEquals("db", target.inputString("dbClusterIdentifier"));
        assertEquals(null, target.input("dbInstanceIdentifier"));
        assertEquals("MYSQL", plan.ofType(PROXY).get(0).inputString("engineFamily"));
        assertEquals(true, target.dependencies().contains(plan.named("aws:rds/clusterInstance:ClusterInstance",
                "db-writer").urn()));
    }

    @Test
    void theProxyMayReachTheDatabaseAcrossTheIsolatedSubnets() {
        var plan = withClient(Map.of("engine", "postgres", "instanceClass", "db.t4g.micro", "proxy", Map.of()));

        assertEquals(List.of("test-isolated-acl-in-isolated-1-ephemeral", "test-isolated-acl-in-isolated-2-ephemeral",
                        "test-isolated-acl-in-private-1-5432", "test-isolated-acl-in-private-2-5432",
                        "test-isolated-acl-out-isolated-1-ephemeral", "test-isolated-acl-out-isolated-2-ephemeral",
                        "test-isolated-acl-out-private-1-ephemeral", "test-isolated-acl-out-private-2-ephemeral"),
                Plans.names(plan.ofType("aws:ec2/networkAclRule:NetworkAclRule")));
    }

    @Test
    void withIamSignInServicesGetNoCredentialsOnlyTheRightToSignInThroughTheProxy() {
        var plan = withClient(Map.of("engine", "postgres", "instanceClass", "db.t4g.micro", "proxy",
                Map.of("iamAuth", true)));
        var proxy = plan.ofType(PROXY).get(0);
        String arn = (String) proxy.outputs().get("arn");

        assertEquals("REQUIRED", Plans.map(Plans.list(proxy.input("auths")).get(0)).get("iamAuth"));
        assertEquals(List.of("DB_HOST", "DB_IAM_AUTH", "DB_NAME", "DB_PORT", "DB_USER"), Components.probes(plan, "api-env-"));
        assertEquals(List.of(), Components.probes(plan, "api-secret-"));
        assertEquals(List.of("appadmin", "true"), List.of(Components.probed(plan, "api-env-DB_USER"),
                Components.probed(plan, "api-env-DB_IAM_AUTH")));
        // arn:aws:rds-db:<region>:<account>:dbuser:<the prx-… id that ends the proxy's ARN>/<user>
        assertEquals(List.of(Map.of("Sid", "ConnectThroughDatabaseProxy", "Effect", "Allow", "Action", List.of("rds-db:connect"),
                        "Resource", List.of("arn:aws:rds-db:eu-west-1:123456789012:dbuser:"
                                + arn.substring(arn.lastIndexOf(':') + 1) + "/appadmin"))),
                Json.parse(Components.probed(plan, "api-statements")) instanceof Map<?, ?> doc ? doc.get("Statement") : null);
        assertEquals(true, arn.substring(arn.lastIndexOf(':') + 1).startsWith("prx-"));
    }

    @Test
    void theProxyAlarmsOnItsClientConnections() {
        var alerts = Components.settings(AlertSettings.class, Map.of("proxyClientConnections", 500));
        var specs = new Object[1];
        var plan = Components.declare(s -> {
            var db = new Database("db", Components.settings(DatabaseSettings.class, Map.of("engine", "postgres",
                    "instanceClass", "db.t4g.micro", "proxy", Map.of())), s.stores());
            specs[0] = db.alarms(alerts);
            ((List<?>) specs[0]).stream().map(a -> (Alerts.AlarmSpec) a).filter(a -> a.label().equals("db-proxy-connections"))
                    .forEach(a -> Components.probe("proxy-name", a.dimensions().get("ProxyName")));
        });

        @SuppressWarnings("unchecked") var alarms = (List<Alerts.AlarmSpec>) specs[0];
        var proxyAlarm = alarms.get(alarms.size() - 1);
        assertEquals(List.of("db-cpu", "db-connections", "db-storage", "db-proxy-connections"),
                alarms.stream().map(Alerts.AlarmSpec::label).toList());
        assertEquals(List.of("AWS/RDS", "ClientConnections", "Sum", "GreaterThanThreshold", 500.0, 60),
                List.of(proxyAlarm.namespace(), proxyAlarm.metric(), proxyAlarm.statistic(), proxyAlarm.comparison(),
                        proxyAlarm.threshold(), proxyAlarm.periodSeconds()));
        assertEquals(plan.ofType(PROXY).get(0).outputs().get("name"), Components.probed(plan, "proxy-name"));
    }

    @Test
    void aProxyTheStackFileCannotHaveIsRefusedBeforeAnythingIsDeclared() {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(Stacks.MINIMAL + """
                  apphome:database:
                    engine: mysql
                    deployment: aurora
                    engineVersion: 8.0.mysql_aurora.3.08.0
                    instanceClass: db.r6g.large
                    proxy: {maxConnectionsPercent: 40, maxIdleConnectionsPercent: 50}
                """));

        assertEquals(List.of(
                "Pulumi.test.yaml: apphome:database.proxy.maxIdleConnectionsPercent: found 50, above maxConnectionsPercent 40; "
                        + "allowed: at most maxConnectionsPercent (RDS keeps idle connections out of the pool it may open)"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void auroraMysqlVersionsRdsProxyLeavesOutAreRefused() {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(Stacks.MINIMAL + """
                  apphome:database:
                    engine: mysql
                    deployment: aurora
                    engineVersion: 5.7.mysql_aurora.2.09.2
                    instanceClass: db.r6g.large
                    proxy: {}
                """));

        assertEquals(List.of("Pulumi.test.yaml: apphome:database.proxy: is set with engineVersion 5.7.mysql_aurora.2.09.2, "
                        + "which RDS Proxy does not support; allowed: Aurora MySQL 2.07 or 2.11 and later (or version 3), "
                        + "or no proxy"),
                e.problems().stream().map(Problem::toString).toList());
    }
}
