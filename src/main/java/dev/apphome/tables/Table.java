package dev.apphome.tables;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.dynamodb.TableArgs;
import com.pulumi.aws.dynamodb.inputs.TableAttributeArgs;
import com.pulumi.aws.dynamodb.inputs.TableGlobalSecondaryIndexArgs;
import com.pulumi.aws.dynamodb.inputs.TablePointInTimeRecoveryArgs;
import com.pulumi.aws.dynamodb.inputs.TableServerSideEncryptionArgs;
import com.pulumi.aws.dynamodb.inputs.TableTtlArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.alerts.Monitored;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.schema.Rule;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import dev.apphome.wiring.Store;
import dev.apphome.wiring.StoreContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB table with its global secondary indexes, encrypted with the stack's key, with
 * point-in-time recovery and deletion protection as the stack file says (both on by default) and
 * Pulumi's protect as the stack says. Provisioned capacity is autoscaled by target tracking, for the
 * table and for each index. Services reach it through the VPC's DynamoDB gateway endpoint, so it has
 * no security group; they get access only through {@link #connect}.
 */
public final class Table extends ComponentResource implements Store<TableAccess>, Monitored {

    /**
     * The item operations whose SystemErrors the alarm sums (CloudWatch publishes them per operation);
     * ten, the most metrics one alarm's math may read.
     */
    static final List<String> OPERATIONS = List.of("GetItem", "BatchGetItem", "Query", "Scan", "PutItem", "UpdateItem",
            "DeleteItem", "BatchWriteItem", "TransactGetItems", "TransactWriteItems");

    private final TableSettings args;
    private final com.pulumi.aws.dynamodb.Table table;
    private final Output<String> keyArn;
    private final String region;

    public Table(String name, TableSettings args, StoreContext context) {
        super("apphome:tables:Table", name, ComponentResourceOptions.Empty);
        this.args = Rule.require(args);
        this.keyArn = context.keyArn();
        this.region = context.aws().region();

        var table = TableArgs.builder()
                .attributes(args.attributes().entrySet().stream().map(a -> TableAttributeArgs.builder()
                        .name(a.getKey()).type(a.getValue().code()).build()).toList())
                .hashKey(args.partitionKey())
                .billingMode(args.provisioned() ? "PROVISIONED" : "PAY_PER_REQUEST")
                .pointInTimeRecovery(TablePointInTimeRecoveryArgs.builder().enabled(args.pointInTimeRecovery()).build())
                .serverSideEncryption(TableServerSideEncryptionArgs.builder().enabled(true).kmsKeyArn(keyArn).build())
                .deletionProtectionEnabled(args.deletionProtection());
        if (args.sortKey() != null) {
            table.rangeKey(args.sortKey());
        }
        Billing.Provisioned provisioned = args.billing() instanceof Billing.Provisioned p ? p : null;
        if (provisioned != null) {
            table.readCapacity(provisioned.readCapacity().min()).writeCapacity(provisioned.writeCapacity().min());
        }
        if (!args.indexes().isEmpty()) {
            table.globalSecondaryIndexes(args.indexes().values().stream().map(i -> index(i, provisioned)).toList());
        }
        if (args.ttlAttribute() != null) {
            table.ttl(TableTtlArgs.builder().attributeName(args.ttlAttribute()).enabled(true).build());
        }
        if (args.stream() != null) {
            table.streamEnabled(true).streamViewType(args.stream().name());
        }

        var options = CustomResourceOptions.builder().parent(this).protect(context.protection().protectData());
        if (provisioned != null) {
            // Autoscaling owns the capacities once the table exists; a deploy must not set them back to min.
            List<String> scaled = new ArrayList<>(List.of("readCapacity", "writeCapacity"));
            if (!args.indexes().isEmpty()) {
                scaled.addAll(List.of("globalSecondaryIndexes[*].readCapacity", "globalSecondaryIndexes[*].writeCapacity"));
            }
            options.ignoreChanges(scaled);
        }
        this.table = new com.pulumi.aws.dynamodb.Table(Naming.child(name, "table"), table.build(), options.build());

        if (provisioned != null) {
            CustomResourceOptions child = context.protection().child(this);
            Output<String> tableId = this.table.name().applyValue(n -> "table/" + n);
            autoscaling(Naming.child(name, "read"), tableId, "dynamodb:table:ReadCapacityUnits",
                    "DynamoDBReadCapacityUtilization", provisioned.readCapacity(), child);
            autoscaling(Naming.child(name, "write"), tableId, "dynamodb:table:WriteCapacityUnits",
                    "DynamoDBWriteCapacityUtilization", provisioned.writeCapacity(), child);
            for (IndexSettings index : args.indexes().values()) {
                Output<String> indexId = tableId.applyValue(id -> id + "/index/" + index.name());
                autoscaling(Naming.child(name, index.name() + "-read"), indexId, "dynamodb:index:ReadCapacityUnits",
                        "DynamoDBReadCapacityUtilization", provisioned.readCapacity(), child);
                autoscaling(Naming.child(name, index.name() + "-write"), indexId, "dynamodb:index:WriteCapacityUnits",
                        "DynamoDBWriteCapacityUtilization", provisioned.writeCapacity(), child);
            }
        }
        registerOutputs(Map.of("name", this.table.name(), "arn", this.table.arn()));
    }

    private static TableGlobalSecondaryIndexArgs index(IndexSettings index, Billing.Provisioned provisioned) {
        var args = TableGlobalSecondaryIndexArgs.builder()
                .name(index.name())
                .hashKey(index.partitionKey())
                .projectionType(index.projection().type());
        if (index.sortKey() != null) {
            args.rangeKey(index.sortKey());
        }
        if (index.projection() instanceof Projection.Include include) {
            args.nonKeyAttributes(include.nonKeyAttributes());
        }
        if (provisioned != null) {
            args.readCapacity(provisioned.readCapacity().min()).writeCapacity(provisioned.writeCapacity().min());
        }
        return args.build();
    }

    /** A scalable target between min and max and the target-tracking policy that holds the utilisation. */
    private static void autoscaling(String name, Output<String> resourceId, String dimension, String metric,
                                    Capacity capacity, CustomResourceOptions child) {
        var target = new Target(Naming.child(name, "scaling"), TargetArgs.builder()
                .serviceNamespace("dynamodb")
                .scalableDimension(dimension)
                .resourceId(resourceId)
                .minCapacity(capacity.min())
                .maxCapacity(capacity.max())
                .build(), child);
        new Policy(Naming.child(name, "tracking"), PolicyArgs.builder()
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .targetValue((double) capacity.targetPercent())
                        .predefinedMetricSpecification(
                                PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                                        .predefinedMetricType(metric).build())
                        .build())
                .build(), child);
    }

    /**
     * What a service using this table receives: its name in {@code TABLE_<NAME>}, item access to the
     * table and its indexes only, and use of the stack's key only through DynamoDB.
     */
    @Override
    public Connection connect(Client client, TableAccess access) {
        String sid = "Table" + Naming.pascal(args.name());
        List<String> actions = new ArrayList<>(List.of("dynamodb:DescribeTable", "dynamodb:GetItem",
                "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:ConditionCheckItem"));
        List<String> keyActions = new ArrayList<>(List.of("kms:Decrypt"));
        if (access == TableAccess.READ_WRITE) {
            actions.addAll(List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                    "dynamodb:BatchWriteItem"));
            keyActions.add("kms:GenerateDataKey");
        }
        return new Connection(Map.of("TABLE_" + Naming.variable(args.name()), table.name()), Map.of(), List.of(
                PolicyDocument.allow(sid + "Items", actions,
                        List.of(table.arn(), table.arn().applyValue(arn -> arn + "/index/*"))),
                PolicyDocument.withCondition(PolicyDocument.allow(sid + "Key", keyActions, List.of(keyArn)),
                        Map.of("StringEquals", Map.of("kms:ViaService", "dynamodb." + region + ".amazonaws.com")))));
    }

    /**
     * Throttled reads and writes for {@code evaluationMinutes}, and any error on DynamoDB's side.
     * DynamoDB publishes SystemErrors per operation only, so that alarm sums the item operations.
     */
    @Override
    public List<Alerts.Alarm> alarms(AlertSettings t) {
        String label = args.name();
        Map<String, Output<String>> dimensions = Map.of("TableName", table.name());
        List<Alerts.Input> operations = new ArrayList<>();
        for (int i = 0; i < OPERATIONS.size(); i++) {
            operations.add(new Alerts.Input("m" + (i + 1), "AWS/DynamoDB", "SystemErrors",
                    Map.of("TableName", table.name(), "Operation", Output.of(OPERATIONS.get(i))), "Sum"));
        }
        return List.of(
                new Alerts.AlarmSpec(label + "-read-throttles", label + ": reads throttled for " + t.evaluationMinutes()
                        + " min", "AWS/DynamoDB", "ReadThrottleEvents", dimensions, "Sum", "GreaterThanThreshold", 0, 60,
                        t.evaluationMinutes(), "notBreaching"),
                new Alerts.AlarmSpec(label + "-write-throttles", label + ": writes throttled for " + t.evaluationMinutes()
                        + " min", "AWS/DynamoDB", "WriteThrottleEvents", dimensions, "Sum", "GreaterThanThreshold", 0, 60,
                        t.evaluationMinutes(), "notBreaching"),
                new Alerts.MathAlarm(label + "-system-errors", label + ": DynamoDB failed requests (system errors)",
                        operations, "SUM(METRICS())", "GreaterThanThreshold", 0, 60, 1, "notBreaching"));
    }

    public Output<String> tableName() {
        return table.name();
    }

    public Output<String> arn() {
        return table.arn();
    }
}
