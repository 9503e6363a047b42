package dev.apphome.alerts;

import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Json;
import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.names;
import static dev.apphome.support.Plans.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alarms as planned: thresholds from the stack file, every alarm notifying the encrypted topic. */
class AlertsTest {

    /** The alarms that notify people; services' scaling alarms notify their scaling policies. */
    private static java.util.List<PlannedResource> alertAlarms(dev.apphome.plan.PlanRunner.Result plan) {
        var alerts = plan.ofType("apphome:alerts:Alerts").get(0);
        return plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> a.parent().equals(alerts.urn())).toList();
    }

    private static PlannedResource alarm(String stack, String label) {
        return Stacks.plan(stack).named("aws:cloudwatch/metricAlarm:MetricAlarm", "apphome-" + stack + "-alerts-" + label);
    }

    @Test
    void everyServiceDatabaseAndCacheHasItsAlarms() {
        var plan = Stacks.plan("prod");

        assertEquals(List.of("apphome-prod-alerts-api-5xx", "apphome-prod-alerts-api-cpu", "apphome-prod-alerts-api-memory",
                        "apphome-prod-alerts-api-p95", "apphome-prod-alerts-api-p99", "apphome-prod-alerts-api-unhealthy",
                        "apphome-prod-alerts-cache-cpu", "apphome-prod-alerts-cache-memory", "apphome-prod-alerts-catalog-cpu",
                        "apphome-prod-alerts-catalog-memory", "apphome-prod-alerts-db-connections", "apphome-prod-alerts-db-cpu",
                        "apphome-prod-alerts-db-storage", "apphome-prod-alerts-jobs-age", "apphome-prod-alerts-jobs-dead-letters",
                        "apphome-prod-alerts-worker-cpu", "apphome-prod-alerts-worker-memory"),
                names(alertAlarms(plan)));
    }

    @Test
    void thresholdsComeFromTheStackFile() {
        assertEquals(0.5, ((Number) alarm("prod", "api-p95").input("threshold")).doubleValue());
        assertEquals("p95", alarm("prod", "api-p95").inputString("extendedStatistic"));
        assertEquals(1.0, ((Number) alarm("prod", "api-p99").input("threshold")).doubleValue());
        assertEquals(300.0, ((Number) alarm("prod", "db-connections").input("threshold")).doubleValue());
        assertEquals(1.0, ((Number) alarm("dev", "api-p95").input("threshold")).doubleValue());
        assertEquals(100.0, ((Number) alarm("dev", "db-connections").input("threshold")).doubleValue());
        assertEquals(5.0 * 1024 * 1024 * 1024, ((Number) alarm("prod", "db-storage").input("threshold")).doubleValue());
        assertEquals("LessThanThreshold", alarm("prod", "db-storage").inputString("comparisonOperator"));
    }

    @Test
    void alarmsWatchTheRightDimensionsAndNotifyTheTopic() {
        var plan = Stacks.plan("prod");
        var fiveXx = alarm("prod", "api-5xx");
        String lb = plan.named("aws:lb/loadBalancer:LoadBalancer", "apphome-prod-alb").outputs().get("arnSuffix").toString();
        String tg = plan.named("apphome-prod-api-tg").outputs().get("arnSuffix").toString();

        assertEquals(Map.of("LoadBalancer", lb, "TargetGroup", tg), fiveXx.input("dimensions"));
        assertEquals("HTTPCode_Target_5XX_Count", fiveXx.inputString("metricName"));
        assertEquals(10.0, ((Number) fiveXx.input("threshold")).doubleValue());
        assertEquals(5L, fiveXx.input("evaluationPeriods"));
        assertEquals(Map.of("DBInstanceIdentifier", "apphome-prod-db"), alarm("prod", "db-cpu").input("dimensions"));
        // With a replica, failover moves the primary: the alarm watches the highest of both nodes.
        var memory = alarm("prod", "cache-memory");
        assertEquals(List.of(Map.of("CacheClusterId", "apphome-prod-cache-001"), Map.of("CacheClusterId", "apphome-prod-cache-002"),
                        "MAX([n1, n2])"),
                List.of(dev.apphome.support.Plans.map(dev.apphome.support.Plans.map(dev.apphome.support.Plans.list(
                                memory.input("metricQueries")).get(0)).get("metric")).get("dimensions"),
                        dev.apphome.support.Plans.map(dev.apphome.support.Plans.map(dev.apphome.support.Plans.list(
                                memory.input("metricQueries")).get(1)).get("metric")).get("dimensions"),
                        dev.apphome.support.Plans.map(dev.apphome.support.Plans.list(memory.input("metricQueries")).get(2))
                                .get("expression")));
        assertEquals(Map.of("CacheClusterId", "apphome-dev-cache-001"), alarm("dev", "cache-memory").input("dimensions"));
        var topic = plan.ofType("aws:sns/topic:Topic").get(0);
        for (var alarm : alertAlarms(plan)) {
            assertEquals(List.of(topic.outputs().get("arn")), alarm.input("alarmActions"), alarm.name());
            assertEquals(List.of(topic.outputs().get("arn")), alarm.input("okActions"), alarm.name());
        }
    }

    @Test
    void anyDeadLetterAndAnOldBacklogRaiseQueueAlarms() {
        var plan = Stacks.plan("prod");
        String deadLetters = plan.named("aws:sqs/queue:Queue", "apphome-prod-queue-jobs-dlq").outputs().get("name").toString();
        String queue = plan.named("aws:sqs/queue:Queue", "apphome-prod-queue-jobs-queue").outputs().get("name").toString();

        assertEquals(Map.of("QueueName", deadLetters), alarm("prod", "jobs-dead-letters").input("dimensions"));
        assertEquals(0.0, ((Number) alarm("prod", "jobs-dead-letters").input("threshold")).doubleValue());
        assertEquals(Map.of("QueueName", queue), alarm("prod", "jobs-age").input("dimensions"));
        assertEquals(900.0, ((Number) alarm("prod", "jobs-age").input("threshold")).doubleValue());
    }

    @Test
    void theTopicIsEncryptedTlsOnlyAndMailsTheStackAddresses() {
        var plan = Stacks.plan("prod");
        var topic = plan.ofType("aws:sns/topic:Topic").get(0);
        var subscriptions = plan.ofType("aws:sns/topicSubscription:TopicSubscription");
        var policy = Json.statements(plan.ofType("aws:sns/topicPolicy:TopicPolicy").get(0), "policy");

        assertEquals("aws:kms/key:Key", source(plan, topic, "kmsMasterKeyId").type());
        assertEquals(List.of("email:oncall@example.com"), subscriptions.stream()
                .map(s -> s.inputString("protocol") + ":" + s.inputString("endpoint")).toList());
        assertEquals(List.of("CloudWatchAlarmsPublish", "DenyInsecureTransport"), policy.stream().map(s -> s.get("Sid")).toList());
        assertEquals(0, Stacks.plan("dev").ofType("aws:sns/topicSubscription:TopicSubscription").size());
    }

    @Test
    void theDashboardShowsEveryAlarmedMetric() {
        var dashboard = Stacks.plan("prod").ofType("aws:cloudwatch/dashboard:Dashboard").get(0);
        var widgets = (List<?>) Json.object(dashboard, "dashboardBody").get("widgets");

        assertEquals(17, widgets.size());
        assertTrue(dashboard.inputString("dashboardBody").contains("\"HTTPCode_Target_5XX_Count\""));
        assertEquals("apphome-prod-alerts", dashboard.inputString("dashboardName"));
    }
}
