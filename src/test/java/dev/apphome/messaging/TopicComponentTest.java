package dev.apphome.messaging;

import com.pulumi.resources.ComponentResourceOptions;
import dev.apphome.alerts.AlertSettings;
import dev.apphome.keys.EncryptionKey;
import dev.apphome.plan.PlannedResource;
import dev.apphome.support.Components;
import dev.apphome.support.Json;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.apphome.support.Plans.names;
import static dev.apphome.support.Plans.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A topic alone and a topic fanning out to queues, with settings built here. What mocks cannot
 * prove: that SNS can deliver into a queue encrypted with the stack's key (AWS decides from the key
 * policy, pinned below), that the queue's TLS-only deny does not refuse SNS (SNS calls SQS over
 * TLS), and that SNS accepts the filter policy (the settings rules check its shape only).
 */
class TopicComponentTest {

    private static final String POLICY = "aws:sqs/queuePolicy:QueuePolicy";
    private static final String SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";

    private static TopicSettings fanOut(Object... subscriptions) {
        return Components.settings(TopicSettings.class, Map.of("subscriptions", List.of(subscriptions)));
    }

    @Test
    void aTopicIsEncryptedWithTheStackKeyAndRefusesPublishingWithoutTls() {
        var settings = Components.settings(TopicSettings.class, Map.of());
        var plan = Components.declare(s -> new Topic("orders", settings, s.stores()));
        PlannedResource topic = plan.named("aws:sns/topic:Topic", "orders-topic");
        var policy = plan.named("aws:sns/topicPolicy:TopicPolicy", "orders-topic-policy");

        assertEquals(List.of("orders-topic", "orders-topic-policy"), names(Components.under(plan, "orders")));
        assertEquals("aws:kms/key:Key", source(plan, topic, "kmsMasterKeyId").type());
        assertEquals(topic.urn(), source(plan, policy, "arn").urn());
        assertEquals(List.of(Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*",
                "Action", "sns:Publish", "Resource", List.of(topic.outputs().get("arn")),
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))), Json.statements(policy, "policy"));
        assertEquals(List.of(), settings.keyGrants());
    }

    @Test
    void eachQueueTheTopicFansOutToAdmitsExactlyThatTopicAndIsSubscribed() {
        var settings = fanOut(Map.of("queue", "test", "filterPolicy", Map.of("eventType", List.of("order_placed"))));
        var plan = Components.declare(s -> {
            var topic = new Topic("orders", settings, s.stores());
            new Queue("billing", Components.settings(QueueSettings.class, Map.of()), s.stores(List.of(topic)));
        });
        String topicArn = plan.named("aws:sns/topic:Topic", "orders-topic").outputs().get("arn").toString();
        var queue = plan.named("aws:sqs/queue:Queue", "billing-queue");
        String queueArn = queue.outputs().get("arn").toString();
        var queuePolicy = plan.named(POLICY, "billing-queue-policy");
        var subscription = plan.named(SUBSCRIPTION, "orders-to-test");

        assertEquals(List.of(Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*", "Action", "sqs:*",
                        "Resource", List.of(queueArn), "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))),
                Map.of("Sid", "TopicTestSendsMessages", "Effect", "Allow", "Principal", Map.of("Service", "sns.amazonaws.com"),
                        "Action", List.of("sqs:SendMessage"), "Resource", List.of(queueArn),
                        "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", topicArn)))),
                Json.statements(queuePolicy, "policy"));
        assertEquals(1, Json.statements(plan.named(POLICY, "billing-dlq-policy"), "policy").size());
        assertEquals(2, plan.ofType(POLICY).size());
        assertEquals(1, plan.ofType(SUBSCRIPTION).size());
        assertEquals(List.of("sqs", queueArn, topicArn, true), List.of(subscription.input("protocol"),
                subscription.input("endpoint"), subscription.input("topic"), subscription.input("rawMessageDelivery")));
        assertEquals(Map.of("eventType", List.of("order_placed")), Json.parse(subscription.inputString("filterPolicy")));
        assertEquals("MessageAttributes", subscription.input("filterPolicyScope"));
        assertTrue(subscription.dependencies().contains(queuePolicy.urn()), "subscribed once the queue admits the topic");
        assertEquals(queue.urn(), source(plan, subscription, "endpoint").urn());
    }

    @Test
    void aQueueNoTopicFansOutToKeepsItsPolicyAsItWas() {
        var settings = fanOut(Map.of("queue", "billing"));
        var plan = Components.declare(s -> {
            var topic = new Topic("orders", settings, s.stores());
            new Queue("jobs", Components.settings(QueueSettings.class, Map.of()), s.stores(List.of(topic)));
        });

        assertEquals(List.of("DenyInsecureTransport"), Json.statements(plan.named(POLICY, "jobs-queue-policy"), "policy")
                .stream().map(st -> st.get("Sid")).toList());
        assertEquals(List.of(), plan.ofType(SUBSCRIPTION));
    }

    @Test
    void aSubscriptionWithoutAFilterGetsEveryMessageAndRawDeliveryCanBeTurnedOff() {
        var settings = fanOut(Map.of("queue", "test", "rawMessageDelivery", false));
        var plan = Components.declare(s -> {
            var topic = new Topic("orders", settings, s.stores());
            new Queue("audit", Components.settings(QueueSettings.class, Map.of()), s.stores(List.of(topic)));
        });
        var subscription = plan.named(SUBSCRIPTION, "orders-to-test");

        assertEquals(false, subscription.input("rawMessageDelivery"));
        assertEquals(null, subscription.input("filterPolicy"));
        assertEquals(null, subscription.input("filterPolicyScope"));
    }

    @Test
    void publishersMayPublishToThisTopicOnlyAndUseTheKeyOnlyThroughSns() {
        var settings = Components.settings(TopicSettings.class, Map.of());
        var c = new Connection[1];
        Components.declare(s -> c[0] = new Topic("orders", settings, s.stores()).connect(new Client("api", null),
                TopicAccess.PUBLISH));

        assertEquals(List.of("TOPIC_TEST_ARN"), List.copyOf(c[0].environment().keySet()));
        assertEquals(List.of("TopicTestPublish", "TopicTestKey"), c[0].taskStatements().stream().map(st -> st.get("Sid")).toList());
        assertEquals(List.of("sns:Publish"), c[0].taskStatements().get(0).get("Action"));
        assertEquals(1, ((List<?>) c[0].taskStatements().get(0).get("Resource")).size());
        assertEquals(List.of("kms:GenerateDataKey", "kms:Decrypt"), c[0].taskStatements().get(1).get("Action"));
        assertEquals(Map.of("StringEquals", Map.of("kms:ViaService", "sns.eu-west-1.amazonaws.com")),
                c[0].taskStatements().get(1).get("Condition"));
    }

    @Test
    void aFailedDeliveryRaisesAnAlarm() {
        var settings = Components.settings(TopicSettings.class, Map.of());
        var alarms = new java.util.ArrayList<dev.apphome.alerts.Alerts.Alarm>();
        Components.declare(s -> alarms.addAll(new Topic("orders", settings, s.stores())
                .alarms(Components.settings(AlertSettings.class, Map.of()))));

        assertEquals(1, alarms.size());
        var alarm = (dev.apphome.alerts.Alerts.AlarmSpec) alarms.get(0);
        assertEquals(List.of("test-failed-notifications", "AWS/SNS", "NumberOfNotificationsFailed", "Sum", 0.0, 1),
                List.of(alarm.label(), alarm.namespace(), alarm.metric(), alarm.statistic(), alarm.threshold(),
                        alarm.evaluationPeriods()));
        assertEquals(List.of("TopicName"), List.copyOf(alarm.dimensions().keySet()));
    }

    /**
     * SNS encrypts each message it delivers with the subscribed queue's key; for a customer-managed
     * key the key policy must let the SNS service principal generate data keys and decrypt (SQS
     * Developer Guide, "Configure KMS permissions for AWS services"). Publishers need no key-policy
     * statement: the account-root statement delegates their use of the key to IAM.
     */
    @Test
    void fanningOutAddsOneKeyPolicyStatementForSnsLimitedToThisAccount() {
        var settings = fanOut(Map.of("queue", "billing"), Map.of("queue", "audit"));
        var plan = Components.declare(s -> new EncryptionKey("fanout-key", s.aws(), "fanout", settings.keyGrants(),
                s.protection(), ComponentResourceOptions.Empty));
        var statements = Json.statements(plan.named("aws:kms/key:Key", "fanout-key-key"), "policy");

        assertEquals(List.of("AccountAdministersKey", "CloudWatchLogsEncryptsThisAccountsLogGroups",
                "CloudWatchAlarmsPublishToEncryptedTopic", "SnsDeliversToEncryptedQueues"),
                statements.stream().map(st -> st.get("Sid")).toList());
        assertEquals(Map.of("Sid", "SnsDeliversToEncryptedQueues", "Effect", "Allow",
                "Principal", Map.of("Service", "sns.amazonaws.com"), "Action", List.of("kms:GenerateDataKey*", "kms:Decrypt"),
                "Resource", List.of("*"), "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012"))),
                statements.get(3));
    }
}
