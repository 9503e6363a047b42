package dev.apphome.database;

import dev.apphome.alerts.AlertSettings;
import dev.apphome.network.Firewall;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Components;
import dev.apphome.wiring.Client;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database alone, with settings built here: each engine in each deployment gets the RDS
 * engine name, parameter family, TLS parameter and log exports its facts say. Mocks cannot prove
 * that RDS offers a version or class in a region; RDS checks those at deploy time.
 */
class DatabaseComponentTest {

    private static final String INSTANCE = "aws:rds/instance:Instance";
    private static final String CLUSTER = "aws:rds/cluster:Cluster";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "postgres|instance|db.t4g.micro|postgres|postgres16|rds.force_ssl|1|postgresql,upgrade",
            "mysql|instance|db.t4g.micro|mysql|mysql8.0|require_secure_transport|1|error,slowquery",
            "postgres|aurora|db.r6g.large|aurora-postgresql|aurora-postgresql16|rds.force_ssl|1|postgresql",
            "mysql|aurora|db.r6g.large|aurora-mysql|aurora-mysql8.0|require_secure_transport|ON|error,slowquery"})
    void eachEngineAndDeploymentGetsItsOwnFacts(String engine, String deployment, String instanceClass, String rdsEngine,
                                               String family, String tlsParameter, String tlsOn, String exports) {
        var settings = Components.settings(DatabaseSettings.class,
                Map.of("engine", engine, "deployment", deployment, "instanceClass", instanceClass));
        var plan = Components.declare(s -> new Database("db", settings, s.stores()));
        PlannedResource db = plan.ofType(deployment.equals("aurora") ? CLUSTER : INSTANCE).get(0);
        PlannedResource parameters = source(plan, db, deployment.equals("aurora") ? "dbClusterParameterGroupName"
                : "parameterGroupName");

        assertEquals(rdsEngine, db.inputString("engine"));
        assertEquals(family, parameters.inputString("family"));
        assertEquals(Map.of("name", tlsParameter, "value", tlsOn, "applyMethod", "pending-reboot"),
                dev.apphome.support.Plans.list(parameters.input("parameters")).get(0));
        // MySQL's slow-query export has something to export only with the log on and written to a file.
        assertEquals(engine.equals("mysql") ? List.of("slow_query_log=1", "long_query_time=2", "log_output=FILE") : List.of(),
                dev.apphome.support.Plans.list(parameters.input("parameters")).stream().skip(1)
                        .map(p -> dev.apphome.support.Plans.map(p).get("name") + "=" + dev.apphome.support.Plans.map(p).get("value"))
                        .toList());
        assertEquals(List.of(exports.split(",")), db.input("enabledCloudwatchLogsExports"));
        assertEquals(List.of(exports.split(",")).stream().map(e -> "/aws/rds/" + (deployment.equals("aurora") ? "cluster"
                        : "instance") + "/db/" + e).toList(),
                Components.under(plan, "db").stream().filter(r -> r.type().equals("aws:cloudwatch/logGroup:LogGroup"))
                        .map(r -> r.inputString("name")).sorted().toList());
    }

    @Test
    void anAuroraClusterHasAWriterAndItsReadersInPromotionOrder() {
        var settings = Components.settings(DatabaseSettings.class, Map.of("engine", "mysql", "deployment", "aurora",
                "instanceClass", "db.r6g.2xlarge", "readers", 2, "multiAz", true, "backupRetentionDays", 35));
        var plan = Components.declare(s -> new Database("db", settings, s.stores()));

        assertEquals(List.of("db-reader-1 1", "db-reader-2 2", "db-writer 0"), plan.ofType("aws:rds/clusterInstance:ClusterInstance")
                .stream().map(r -> r.name() + " " + r.input("promotionTier")).sorted().toList());
        assertEquals(35L, plan.ofType(CLUSTER).get(0).input("backupRetentionPeriod"));
        assertEquals(List.of(), plan.ofType(INSTANCE));
    }

    @Test
    void anInstanceGrowsItsStorageUpToTheCeiling() {
        var settings = Components.settings(DatabaseSettings.class, Map.of("engine", "postgres",
                "instanceClass", "db.t4g.medium", "allocatedStorageGb", 200, "multiAz", true));
        var db = Components.declare(s -> new Database("db", settings, s.stores())).ofType(INSTANCE).get(0);

        // The ceiling is 100 GiB, or 26 % above the allocated storage when that is larger (RDS wants 10 % at least).
        assertEquals(List.of(200L, 252L, true, "gp3"), List.of(db.input("allocatedStorage"),
                db.input("maxAllocatedStorage"), db.input("multiAz"), db.input("storageType")));
    }

    @Test
    void aServiceThatConnectsIsAdmittedOnTheEnginePortAndGetsItsCredentialsBySecret() {
        var settings = Components.settings(DatabaseSettings.class, Map.of("engine", "mysql", "instanceClass", "db.t4g.micro"));
        var connection = new Object[1];
        var plan = Components.declare(s -> {
            var db = new Database("db", settings, s.stores());
            var client = new Firewall("api", "a client", s.network(2).vpcId(), db);
            connection[0] = db.connect(new Client("api", client), true);
        });
        var ingress = plan.named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "db-sg-in-api-sg-3306");

        assertEquals(3306L, ingress.input("fromPort"));
        assertEquals("api-sg", source(plan, ingress, "referencedSecurityGroupId").name());
        var c = (dev.apphome.wiring.Connection) connection[0];
        assertEquals(List.of("DB_HOST", "DB_NAME", "DB_PORT", "DB_SECRET_ARN"), c.environment().keySet().stream().sorted().toList());
        assertEquals(List.of("DB_CREDENTIALS"), List.copyOf(c.secrets().keySet()));
        assertEquals(List.of("ReadDatabaseCredentials", "DecryptDatabaseCredentials"),
                c.taskStatements().stream().map(st -> st.get("Sid")).toList());
    }

    @Test
    void alarmsWatchTheDimensionOfTheDeployment() {
        var alerts = Components.settings(AlertSettings.class, Map.of());
        var specs = new Object[2];
        Components.declare(s -> {
            specs[0] = new Database("one", Components.settings(DatabaseSettings.class, Map.of("engine", "postgres",
                    "instanceClass", "db.t4g.micro")), s.stores()).alarms(alerts);
            specs[1] = new Database("many", Components.settings(DatabaseSettings.class, Map.of("engine", "postgres",
                    "deployment", "aurora", "instanceClass", "db.r6g.large")), s.stores()).alarms(alerts);
        });

        @SuppressWarnings("unchecked") var instance = (List<dev.apphome.alerts.Alerts.AlarmSpec>) specs[0];
        @SuppressWarnings("unchecked") var aurora = (List<dev.apphome.alerts.Alerts.AlarmSpec>) specs[1];
        assertEquals(List.of("CPUUtilization", "DatabaseConnections", "FreeStorageSpace"),
                instance.stream().map(a -> a.metric()).toList());
        assertEquals(List.of("DBInstanceIdentifier"), List.copyOf(instance.get(0).dimensions().keySet()));
        assertEquals(List.of("CPUUtilization", "DatabaseConnections"), aurora.stream().map(a -> a.metric()).toList());
        assertEquals(List.of("DBClusterIdentifier"), List.copyOf(aurora.get(0).dimensions().keySet()));
    }

    @Test
    void settingsBuiltInCodeCannotBypassTheRules() {
        // A reader-less Aurora cluster cannot fail over; the reader refuses it in a stack file, the component in code.
        var broken = new DatabaseSettings(DatabaseEngine.POSTGRES, new DatabaseDeployment.Aurora(0, true), null,
                "db.r6g.large", 7, true, false, false, "app", false, Map.of(), java.util.Optional.empty());

        var e = assertThrows(Exception.class, () -> Components.declare(s -> new Database("db", broken, s.stores())));
        assertTrue(e.getMessage().contains("Aurora breaks its rules: [multiAz: is true for an Aurora cluster with readers: 0"),
                e.getMessage());
    }

    @Test
    void auroraVersionsLeaveRoomForTheMinorUpgradesRdsMakes() {
        var postgres = Components.declare(s -> new Database("db", Components.settings(DatabaseSettings.class, Map.of(
                "engine", "postgres", "deployment", "aurora", "instanceClass", "db.r6g.large")), s.stores()));
        var mysql = Components.declare(s -> new Database("db", Components.settings(DatabaseSettings.class, Map.of(
                "engine", "mysql", "deployment", "aurora", "instanceClass", "db.r6g.large")), s.stores()));

        // A major version alone: the provider keeps "16" while RDS runs 16.x, where a pinned 16.6 would later
        // read as a downgrade, which RDS refuses. Instances take the cluster's version.
        assertEquals("16", postgres.ofType(CLUSTER).get(0).input("engineVersion"));
        assertEquals(List.of(true), postgres.ofType("aws:rds/clusterInstance:ClusterInstance").stream()
                .map(i -> i.input("autoMinorVersionUpgrade")).distinct().toList());
        assertTrue(postgres.ofType("aws:rds/clusterInstance:ClusterInstance").stream().allMatch(i -> i.input("engineVersion") == null));
        // Aurora MySQL versions name a full release, so RDS must not move them: version changes are the stack file's.
        assertEquals(List.of(false), mysql.ofType("aws:rds/clusterInstance:ClusterInstance").stream()
                .map(i -> i.input("autoMinorVersionUpgrade")).distinct().toList());
    }

    @Test
    void aReplacementDeletesTheOldDatabaseFirstBecauseItsIdentifierIsFixed() {
        var plan = Components.declare(s -> new Database("db", Components.settings(DatabaseSettings.class, Map.of(
                "engine", "postgres", "deployment", "aurora", "instanceClass", "db.r6g.large", "readers", 1)), s.stores()));

        // Pulumi creates a replacement first by default, which would fail on "already exists".
        assertEquals(List.of(true, true, true), plan.resources().stream()
                .filter(r -> r.type().equals(CLUSTER) || r.type().equals("aws:rds/clusterInstance:ClusterInstance"))
                .map(r -> r.options().deleteBeforeReplace()).toList());
    }
}
