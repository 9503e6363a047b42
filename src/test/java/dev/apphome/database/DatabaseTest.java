package dev.apphome.database;

import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.dependents;
import static dev.apphome.support.Plans.names;
import static dev.apphome.support.Plans.source;
import static dev.apphome.support.Plans.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database as planned. Mocks cannot prove that RDS offers the engine version in the region or
 * that the parameter family matches it; those are checked by RDS at deploy time. The tests pin
 * encryption, credentials, TLS, placement and protection.
 */
class DatabaseTest {

    private static final String INSTANCE = "aws:rds/instance:Instance";

    private static PlannedResource instance(PlanRunner.Result plan) {
        return plan.ofType(INSTANCE).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void storageIsEncryptedWithTheStackKeyAndRdsKeepsThePassword(String stack) {
        var plan = Stacks.plan(stack);
        var db = instance(plan);

        assertEquals(true, db.input("storageEncrypted"));
        assertEquals("aws:kms/key:Key", source(plan, db, "kmsKeyId").type());
        assertEquals(true, db.input("manageMasterUserPassword"));
        assertEquals("aws:kms/key:Key", source(plan, db, "masterUserSecretKmsKeyId").type());
        assertNull(db.input("password"));
        assertEquals(false, db.input("publiclyAccessible"));
        assertEquals(true, db.input("iamDatabaseAuthenticationEnabled"));
        assertEquals("apphome-" + stack + "-db", db.inputString("identifier"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void itLivesInTheIsolatedSubnetsAndForcesTls(String stack) {
        var plan = Stacks.plan(stack);
        var db = instance(plan);
        var subnetGroup = source(plan, db, "dbSubnetGroupName");
        var parameters = source(plan, db, "parameterGroupName");

        assertTrue(names(sources(plan, subnetGroup, "subnetIds")).stream().allMatch(n -> n.contains("-isolated-")));
        assertEquals(stack.equals("dev") ? 2 : 3, sources(plan, subnetGroup, "subnetIds").size());
        assertEquals("postgres16", parameters.inputString("family"));
        assertEquals(List.of(Map.of("name", "rds.force_ssl", "value", "1", "applyMethod", "pending-reboot")),
                parameters.input("parameters"));
    }

    @Test
    void onlyTheServicesThatUseItMayConnect() {
        var plan = Stacks.plan("prod");
        var group = source(plan, instance(plan), "vpcSecurityGroupIds");
        var ingress = dependents(plan, group, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "securityGroupId");

        assertEquals(List.of("5432 apphome-prod-api-sg", "5432 apphome-prod-catalog-sg"), ingress.stream()
                .map(r -> r.input("fromPort") + " " + source(plan, r, "referencedSecurityGroupId").name()).sorted().toList());
        assertTrue(ingress.stream().allMatch(r -> r.input("cidrIpv4") == null));
        assertEquals(List.of(), dependents(plan, group, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                "securityGroupId"));
    }

    @Test
    void prodIsMultiAzProtectedAndKeepsAFinalSnapshot() {
        var db = instance(Stacks.plan("prod"));

        assertEquals(true, db.input("multiAz"));
        assertEquals(14L, db.input("backupRetentionPeriod"));
        assertEquals(true, db.input("deletionProtection"));
        assertEquals(false, db.input("skipFinalSnapshot"));
        assertEquals("apphome-prod-db-final", db.inputString("finalSnapshotIdentifier"));
        assertEquals(true, db.input("performanceInsightsEnabled"));
        assertTrue(db.protect());
        assertEquals("db.t4g.medium", db.inputString("instanceClass"));
        assertEquals(100L, db.input("allocatedStorage"));
        assertEquals(500L, db.input("maxAllocatedStorage"));
    }

    @Test
    void devIsSingleAzAndDisposable() {
        var db = instance(Stacks.plan("dev"));

        assertEquals(false, db.input("multiAz"));
        assertEquals(1L, db.input("backupRetentionPeriod"));
        assertEquals(false, db.input("deletionProtection"));
        assertEquals(true, db.input("skipFinalSnapshot"));
        assertFalse(db.protect());
        assertEquals("db.t4g.micro", db.inputString("instanceClass"));
    }

    @Test
    void logsAreExportedToEncryptedLogGroupsThatExistFirst() {
        var plan = Stacks.plan("prod");
        var db = instance(plan);

        assertEquals(List.of("postgresql", "upgrade"), db.input("enabledCloudwatchLogsExports"));
        for (String log : List.of("postgresql", "upgrade")) {
            var group = plan.named("aws:cloudwatch/logGroup:LogGroup", "apphome-prod-db-log-" + log);
            assertEquals("/aws/rds/instance/apphome-prod-db/" + log, group.inputString("name"));
            assertEquals("aws:kms/key:Key", source(plan, group, "kmsKeyId").type());
            assertTrue(db.dependencies().contains(group.urn()));
        }
    }

    @Test
    void auroraClusterHasAWriterAndReadersWithTheSameSettings() {
        var plan = Stacks.planOf(Stacks.MINIMAL + """
                  apphome:database:
                    engine: mysql
                    deployment: aurora
                    instanceClass: db.r6g.large
                    readers: 2
                    multiAz: true
                    backupRetentionDays: 35
                """);
        var cluster = plan.ofType("aws:rds/cluster:Cluster").get(0);
        var members = plan.ofType("aws:rds/clusterInstance:ClusterInstance");

        assertEquals("aurora-mysql", cluster.inputString("engine"));
        assertEquals("8.0.mysql_aurora.3.08.0", cluster.inputString("engineVersion"));
        assertEquals(true, cluster.input("storageEncrypted"));
        assertEquals(true, cluster.input("manageMasterUserPassword"));
        assertEquals(35L, cluster.input("backupRetentionPeriod"));
        assertEquals(List.of(Map.of("name", "require_secure_transport", "value", "ON", "applyMethod", "pending-reboot"),
                        Map.of("name", "slow_query_log", "value", "1", "applyMethod", "immediate"),
                        Map.of("name", "long_query_time", "value", "2", "applyMethod", "immediate"),
                        Map.of("name", "log_output", "value", "FILE", "applyMethod", "immediate")),
                source(plan, cluster, "dbClusterParameterGroupName").input("parameters"));
        assertEquals("aurora-mysql8.0", source(plan, cluster, "dbClusterParameterGroupName").inputString("family"));
        assertEquals(List.of("apphome-test-db-reader-1", "apphome-test-db-reader-2", "apphome-test-db-writer"),
                names(members));
        assertTrue(members.stream().allMatch(m -> Boolean.FALSE.equals(m.input("publiclyAccessible"))
                && "db.r6g.large".equals(m.inputString("instanceClass"))
                && m.propertyDependencies().get("clusterIdentifier").contains(cluster.urn())));
        assertEquals(List.of("error", "slowquery"), cluster.input("enabledCloudwatchLogsExports"));
    }
}
