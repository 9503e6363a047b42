package dev.apphome.tables;

import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Components;
import dev.apphome.support.Json;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.names;
import static dev.apphome.support.Plans.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table alone, with settings built here. What mocks cannot prove: that DynamoDB accepts the key
 * schema and index definitions (the settings rules repeat the checks CreateTable makes), that
 * Application Auto Scaling finds the table under {@code table/<name>} (its documented resource id),
 * and that services' requests are allowed by the key: see the key-policy test below.
 */
class TableComponentTest {

    private static final String TABLE = "aws:dynamodb/table:Table";

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }

    private static final Map<String, Object> KEYS = values("attributes", values("pk", "S", "sk", "N"),
            "partitionKey", "pk", "sortKey", "sk");

    @Test
    void anOnDemandTableIsEncryptedWithTheStackKeyRecoverableAndProtected() {
        var settings = Components.settings(TableSettings.class, KEYS);
        var plan = Components.declare(true, s -> new Table("orders", settings, s.stores()));
        PlannedResource table = plan.named(TABLE, "orders-table");

        assertEquals(List.of("orders-table"), names(Components.under(plan, "orders")));
        assertEquals("PAY_PER_REQUEST", table.input("billingMode"));
        assertEquals(List.of(Map.of("name", "pk", "type", "S"), Map.of("name", "sk", "type", "N")),
                table.input("attributes"));
        assertEquals(List.of("pk", "sk"), List.of(table.input("hashKey"), table.input("rangeKey")));
        assertEquals(Map.of("enabled", true), table.input("pointInTimeRecovery"));
        assertEquals(true, table.input("serverSideEncryption.enabled"));
        assertEquals("aws:kms/key:Key", source(plan, table, "serverSideEncryption").type());
        assertEquals(true, table.input("deletionProtectionEnabled"));
        assertTrue(table.protect());
        assertEquals(List.of(), table.options().ignoreChanges());
        assertNull(table.input("readCapacity"));
        assertNull(table.input("ttl"));
        assertNull(table.input("streamEnabled"));
        assertEquals(List.of(), plan.ofType("aws:appautoscaling/target:Target"));
    }

    @Test
    void expiryStreamAndTheProtectionsFollowTheSettings() {
        var settings = Components.settings(TableSettings.class, values("attributes", values("id", "S"),
                "partitionKey", "id", "ttlAttribute", "expiresAt", "stream", "newAndOldImages",
                "pointInTimeRecovery", false, "deletionProtection", false));
        var plan = Components.declare(false, s -> new Table("sessions", settings, s.stores()));
        PlannedResource table = plan.named(TABLE, "sessions-table");

        assertEquals(Map.of("attributeName", "expiresAt", "enabled", true), table.input("ttl"));
        assertEquals(List.of(true, "NEW_AND_OLD_IMAGES"), List.of(table.input("streamEnabled"), table.input("streamViewType")));
        assertEquals(Map.of("enabled", false), table.input("pointInTimeRecovery"));
        assertEquals(false, table.input("deletionProtectionEnabled"));
        assertFalse(table.protect());
        assertNull(table.input("rangeKey"));
    }

    @Test
    void provisionedCapacityIsAutoscaledForTheTableAndEachIndexAndDeploysLeaveItAlone() {
        Map<String, Object> values = new LinkedHashMap<>(KEYS);
        values.put("attributes", values("pk", "S", "sk", "N", "status", "S"));
        values.put("indexes", values("byStatus", values("partitionKey", "status", "sortKey", "sk",
                "projection", "include", "nonKeyAttributes", List.of("total"))));
        values.put("billing", "provisioned");
        values.put("readCapacity", values("min", 2, "max", 40, "targetPercent", 60));
        values.put("writeCapacity", values("min", 1, "max", 10));
        var settings = Components.settings(TableSettings.class, values);
        var plan = Components.declare(s -> new Table("orders", settings, s.stores()));
        PlannedResource table = plan.named(TABLE, "orders-table");
        String id = "table/" + table.outputs().get("name");

        assertEquals("PROVISIONED", table.input("billingMode"));
        assertEquals(List.of(2L, 1L), List.of(table.input("readCapacity"), table.input("writeCapacity")));
        assertEquals(List.of(Map.of("name", "byStatus", "hashKey", "status", "rangeKey", "sk", "projectionType", "INCLUDE",
                "nonKeyAttributes", List.of("total"), "readCapacity", 2L, "writeCapacity", 1L)),
                table.input("globalSecondaryIndexes"));
        assertEquals(List.of("readCapacity", "writeCapacity", "globalSecondaryIndexes[*].readCapacity",
                "globalSecondaryIndexes[*].writeCapacity"), table.options().ignoreChanges());

        Map<String, List<Object>> targets = new LinkedHashMap<>();
        plan.ofType("aws:appautoscaling/target:Target").forEach(t -> targets.put(t.name(), List.of(t.input("resourceId"),
                t.input("scalableDimension"), t.input("serviceNamespace"), t.input("minCapacity"), t.input("maxCapacity"))));
        assertEquals(Map.of(
                "orders-read-scaling", List.of(id, "dynamodb:table:ReadCapacityUnits", "dynamodb", 2L, 40L),
                "orders-write-scaling", List.of(id, "dynamodb:table:WriteCapacityUnits", "dynamodb", 1L, 10L),
                "orders-byStatus-read-scaling", List.of(id + "/index/byStatus", "dynamodb:index:ReadCapacityUnits",
                        "dynamodb", 2L, 40L),
                "orders-byStatus-write-scaling", List.of(id + "/index/byStatus", "dynamodb:index:WriteCapacityUnits",
                        "dynamodb", 1L, 10L)), targets);

        Map<String, List<Object>> policies = new LinkedHashMap<>();
        plan.ofType("aws:appautoscaling/policy:Policy").forEach(p -> policies.put(p.name(), List.of(p.input("policyType"),
                p.input("resourceId"), p.input("targetTrackingScalingPolicyConfiguration.targetValue"),
                p.input("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType"))));
        assertEquals(Map.of(
                "orders-read-tracking", List.of("TargetTrackingScaling", id, 60L, "DynamoDBReadCapacityUtilization"),
                "orders-write-tracking", List.of("TargetTrackingScaling", id, 70L, "DynamoDBWriteCapacityUtilization"),
                "orders-byStatus-read-tracking", List.of("TargetTrackingScaling", id + "/index/byStatus", 60L,
                        "DynamoDBReadCapacityUtilization"),
                "orders-byStatus-write-tracking", List.of("TargetTrackingScaling", id + "/index/byStatus", 70L,
                        "DynamoDBWriteCapacityUtilization")), policies);
    }

    @Test
    void readersGetItemReadsAndWritersItemWritesOnTheTableAndItsIndexesOnly() {
        var settings = Components.settings(TableSettings.class, KEYS);
        var c = new Connection[2];
        Components.declare(s -> {
            var table = new Table("orders", settings, s.stores());
            c[0] = table.connect(new Client("api", null), TableAccess.READ);
            c[1] = table.connect(new Client("api", null), TableAccess.READ_WRITE);
        });

        assertEquals(List.of("TABLE_TEST"), List.copyOf(c[0].environment().keySet()));
        assertEquals(Map.of(), c[0].secrets());
        assertEquals(List.of("TableTestItems", "TableTestKey"), c[0].taskStatements().stream().map(st -> st.get("Sid")).toList());
        assertEquals(List.of("dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                "dynamodb:Scan", "dynamodb:ConditionCheckItem"), c[0].taskStatements().get(0).get("Action"));
        assertEquals(List.of("dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                "dynamodb:Scan", "dynamodb:ConditionCheckItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"), c[1].taskStatements().get(0).get("Action"));
        assertEquals(2, ((List<?>) c[0].taskStatements().get(0).get("Resource")).size());
        assertEquals(List.of("kms:Decrypt"), c[0].taskStatements().get(1).get("Action"));
        assertEquals(List.of("kms:Decrypt", "kms:GenerateDataKey"), c[1].taskStatements().get(1).get("Action"));
        assertEquals(Map.of("StringEquals", Map.of("kms:ViaService", "dynamodb.eu-west-1.amazonaws.com")),
                c[1].taskStatements().get(1).get("Condition"));
    }

    @Test
    void alarmsWatchThrottlingAndDynamoDbsOwnErrorsOverEveryItemOperation() {
        var settings = Components.settings(TableSettings.class, KEYS);
        var alarms = new java.util.ArrayList<Alerts.Alarm>();
        Components.declare(s -> alarms.addAll(new Table("orders", settings, s.stores())
                .alarms(Components.settings(AlertSettings.class, Map.of("evaluationMinutes", 3)))));

        assertEquals(List.of("test-read-throttles", "test-write-throttles", "test-system-errors"),
                alarms.stream().map(Alerts.Alarm::label).toList());
        var reads = (Alerts.AlarmSpec) alarms.get(0);
        var writes = (Alerts.AlarmSpec) alarms.get(1);
        assertEquals(List.of("ReadThrottleEvents", "WriteThrottleEvents"), List.of(reads.metric(), writes.metric()));
        assertEquals(List.of(3, 3), List.of(reads.evaluationPeriods(), writes.evaluationPeriods()));
        assertEquals(List.of("TableName"), List.copyOf(reads.dimensions().keySet()));
        var errors = (Alerts.MathAlarm) alarms.get(2);
        assertEquals("SUM(METRICS())", errors.expression());
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10"),
                errors.inputs().stream().map(Alerts.Input::id).toList());
        assertTrue(errors.inputs().stream().allMatch(i -> i.metric().equals("SystemErrors") && i.statistic().equals("Sum")
                && i.dimensions().keySet().equals(java.util.Set.of("Operation", "TableName"))));
        assertEquals(List.of(0.0, 1), List.of(errors.threshold(), errors.evaluationPeriods()));
    }

    /**
     * DynamoDB uses a customer-managed key on behalf of the principal that creates the table (the
     * deployer) and of each principal that reads or writes it: it calls KMS with that principal's
     * permissions, through the {@code dynamodb.<region>.amazonaws.com} service, and creates per-table
     * grants for its background work (AWS KMS Developer Guide, "How Amazon DynamoDB uses AWS KMS":
     * the permissions may come from the key policy, an IAM policy or a grant). The stack's key policy
     * delegates to IAM through its account-root statement, so no DynamoDB statement is needed: the
     * deployer's IAM policy must allow kms:CreateGrant, kms:DescribeKey, kms:Encrypt, kms:Decrypt,
     * kms:ReEncrypt* and kms:GenerateDataKey* on the key, and services get theirs from
     * {@link Table#connect}. No mock can show that AWS accepts the table with this key; this pins
     * that the key policy stays exactly as it is.
     */
    @Test
    void theKeyPolicyNeedsNoStatementForDynamoDbBecauseTheAccountRootDelegatesToIam() {
        var settings = Components.settings(TableSettings.class, KEYS);
        var plan = Components.declare(s -> new Table("orders", settings, s.stores()));
        var statements = Json.statements(plan.named("aws:kms/key:Key", "test-key-key"), "policy");

        assertEquals(List.of("AccountAdministersKey", "CloudWatchLogsEncryptsThisAccountsLogGroups",
                "CloudWatchAlarmsPublishToEncryptedTopic"), statements.stream().map(st -> st.get("Sid")).toList());
        assertEquals(Map.of("AWS", "arn:aws:iam::123456789012:root"), statements.get(0).get("Principal"));
        assertEquals(List.of("kms:*"), statements.get(0).get("Action"));
    }
}
