package dev.apphome;

import dev.apphome.plan.PlanDocument;
import dev.apphome.plan.PlanMocks;
import dev.apphome.plan.PlanRunner;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Components;
import dev.apphome.support.Json;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The variant stack that uses topics, tables and a secret with keys together
 * ({@code src/test/resources/stacks/Pulumi.fanout.yaml}), planned as a whole: what each capability
 * adds, and how the services are wired to it.
 */
class FanoutStackTest {

    private static final PlanRunner.Result PLAN = Stacks.anyPlan("fanout");

    private static PlannedResource named(String type, String name) {
        return PLAN.named(type, "apphome-fanout-" + name);
    }

    private static String out(PlannedResource r, String output) {
        return r.outputs().get(output).toString();
    }

    private static List<Map<String, Object>> taskStatements(String service) {
        return Json.statements(named("aws:iam/rolePolicy:RolePolicy", service + "-task"), "policy");
    }

    private static Map<String, Object> statement(List<Map<String, Object>> statements, String sid) {
        return statements.stream().filter(s -> s.get("Sid").equals(sid)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    @Test
    void eachCapabilityAddsExactlyItsResources() {
        assertEquals(List.of("apphome-fanout-topic-orders-to-audit", "apphome-fanout-topic-orders-to-billing",
                "apphome-fanout-topic-orders-topic", "apphome-fanout-topic-orders-topic-policy"),
                names(Components.under(PLAN, "apphome-fanout-topic-orders")));
        assertEquals(List.of("apphome-fanout-table-orders-byStatus-read-scaling", "apphome-fanout-table-orders-byStatus-read-tracking",
                "apphome-fanout-table-orders-byStatus-write-scaling", "apphome-fanout-table-orders-byStatus-write-tracking",
                "apphome-fanout-table-orders-read-scaling", "apphome-fanout-table-orders-read-tracking",
                "apphome-fanout-table-orders-table", "apphome-fanout-table-orders-write-scaling",
                "apphome-fanout-table-orders-write-tracking"), names(Components.under(PLAN, "apphome-fanout-table-orders")));
        assertEquals(List.of("apphome-fanout-table-sessions-table"), names(Components.under(PLAN, "apphome-fanout-table-sessions")));
        assertEquals(List.of("apphome-fanout-secrets-thirdParty", "apphome-fanout-secrets-thirdParty",
                "apphome-fanout-secrets-thirdParty-apifyToken", "apphome-fanout-secrets-thirdParty-apifyToken"),
                names(Components.under(PLAN, "apphome-fanout-secrets")));
        assertEquals(List.of("apphome-fanout-alerts-orders-failed-notifications", "apphome-fanout-alerts-orders-read-throttles",
                "apphome-fanout-alerts-orders-system-errors", "apphome-fanout-alerts-orders-write-throttles",
                "apphome-fanout-alerts-sessions-read-throttles", "apphome-fanout-alerts-sessions-system-errors",
                "apphome-fanout-alerts-sessions-write-throttles"),
                names(PLAN.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                        .filter(a -> a.name().matches("apphome-fanout-alerts-(orders|sessions)-.*")).toList()));
    }

    @Test
    void eachQueueAdmitsTheTopicByItsArnAndIsSubscribedAsItsSubscriptionSays() {
        String topic = out(named("aws:sns/topic:Topic", "topic-orders-topic"), "arn");
        for (String queue : List.of("billing", "audit")) {
            var policy = Json.statements(named("aws:sqs/queuePolicy:QueuePolicy", "queue-" + queue + "-queue-policy"), "policy");
            assertEquals(List.of("DenyInsecureTransport", "TopicOrdersSendsMessages"), policy.stream().map(s -> s.get("Sid")).toList());
            assertEquals(Map.of("ArnEquals", Map.of("aws:SourceArn", topic)), policy.get(1).get("Condition"));
            assertEquals(List.of(out(named("aws:sqs/queue:Queue", "queue-" + queue + "-queue"), "arn")), policy.get(1).get("Resource"));
            assertEquals(1, Json.statements(named("aws:sqs/queuePolicy:QueuePolicy", "queue-" + queue + "-dlq-policy"),
                    "policy").size());
        }
        var billing = named("aws:sns/topicSubscription:TopicSubscription", "topic-orders-to-billing");
        var audit = named("aws:sns/topicSubscription:TopicSubscription", "topic-orders-to-audit");
        assertEquals(List.of(true, "{\"eventType\":[\"order_placed\"]}"), List.of(billing.input("rawMessageDelivery"),
                billing.input("filterPolicy")));
        assertEquals(List.of(false), java.util.Arrays.asList(audit.input("rawMessageDelivery")));
        assertEquals(null, audit.input("filterPolicy"));
    }

    @Test
    void theKeyLetsSnsDeliverIntoTheEncryptedQueues() {
        var statements = Json.statements(named("aws:kms/key:Key", "key-key"), "policy");

        assertEquals(List.of("AccountAdministersKey", "CloudWatchLogsEncryptsThisAccountsLogGroups",
                "CloudWatchAlarmsPublishToEncryptedTopic", "SnsDeliversToEncryptedQueues"),
                statements.stream().map(s -> s.get("Sid")).toList());
    }

    @Test
    void theApiPublishesToItsTopicAndUsesItsTablesAndNothingMore() {
        var statements = taskStatements("api");
        String topic = out(named("aws:sns/topic:Topic", "topic-orders-topic"), "arn");
        String orders = out(named("aws:dynamodb/table:Table", "table-orders-table"), "arn");
        String sessions = out(named("aws:dynamodb/table:Table", "table-sessions-table"), "arn");

        assertEquals(List.of("TopicOrdersPublish", "TopicOrdersKey", "TableOrdersItems", "TableOrdersKey",
                "TableSessionsItems", "TableSessionsKey"), statements.stream().map(s -> s.get("Sid")).toList());
        assertEquals(List.of(topic), statement(statements, "TopicOrdersPublish").get("Resource"));
        assertEquals(List.of(orders, orders + "/index/*"), statement(statements, "TableOrdersItems").get("Resource"));
        assertEquals(List.of(sessions, sessions + "/index/*"), statement(statements, "TableSessionsItems").get("Resource"));
        assertEquals(10, ((List<?>) statement(statements, "TableOrdersItems").get("Action")).size());
        assertEquals(6, ((List<?>) statement(statements, "TableSessionsItems").get("Action")).size());
        for (var s : statements) {
            assertFalse(String.valueOf(s.get("Action")).contains(":*"), s.get("Sid") + " grants a wildcard action");
            assertFalse(((List<?>) s.get("Resource")).contains("*"), s.get("Sid") + " grants every resource");
        }
        String env = named("aws:ecs/taskDefinition:TaskDefinition", "api-task").inputString("containerDefinitions");
        for (String variable : List.of("TOPIC_ORDERS_ARN", "TABLE_ORDERS", "TABLE_SESSIONS")) {
            assertTrue(env.contains("\"name\":\"" + variable + "\""), variable);
        }
    }

    @Test
    void theWorkerOnAFannedOutQueueStillScalesOnItsBacklog() {
        String queue = out(named("aws:sqs/queue:Queue", "queue-billing-queue"), "name");
        var tracking = named("aws:appautoscaling/policy:Policy", "billing-scale-queue");
        var backlog = named("aws:cloudwatch/metricAlarm:MetricAlarm", "billing-queue-backlog");

        assertEquals(List.of(Map.of("name", "QueueName", "value", queue)), tracking.input(
                "targetTrackingScalingPolicyConfiguration.customizedMetricSpecification.metrics.0.metricStat.metric.dimensions"));
        assertEquals(Map.of("QueueName", queue), backlog.input("metricQueries.0.metric.dimensions"));
        assertEquals(List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility"), statement(taskStatements("billing"), "QueueBillingMessages").get("Action"));
    }

    @Test
    void systemErrorsAreSummedOverTheItemOperations() {
        var alarm = named("aws:cloudwatch/metricAlarm:MetricAlarm", "alerts-orders-system-errors");
        var queries = (List<?>) alarm.input("metricQueries");
        String table = out(named("aws:dynamodb/table:Table", "table-orders-table"), "name");

        assertEquals(11, queries.size());
        assertEquals(Map.of("id", "m1", "returnData", false, "metric", Map.of("namespace", "AWS/DynamoDB",
                "metricName", "SystemErrors", "dimensions", Map.of("Operation", "GetItem", "TableName", table),
                "period", 60L, "stat", "Sum")), queries.get(0));
        assertEquals(List.of("GetItem", "BatchGetItem", "Query", "Scan", "PutItem", "UpdateItem", "DeleteItem",
                "BatchWriteItem", "TransactGetItems", "TransactWriteItems"), queries.subList(0, 10).stream()
                .map(q -> ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) q).get("metric")).get("dimensions")).get("Operation"))
                .toList());
        assertEquals(Map.of("id", "e1", "expression", "SUM(METRICS())",
                "label", "orders: DynamoDB failed requests (system errors)", "returnData", true), queries.get(10));
        assertEquals(null, alarm.input("metricName"));
    }

    @Test
    void tablesAndSecretsAreProtectedAndNoSecretValueIsInThePlan() {
        assertTrue(named("aws:dynamodb/table:Table", "table-orders-table").protect());
        assertTrue(named("aws:dynamodb/table:Table", "table-sessions-table").protect());
        assertTrue(named("aws:secretsmanager/secret:Secret", "secrets-thirdParty-apifyToken").protect());
        assertFalse(named("aws:sns/topic:Topic", "topic-orders-topic").protect());
        assertFalse(PlanDocument.toJson(PLAN).contains(PlanMocks.PLACEHOLDER_SECRET));
    }
}
