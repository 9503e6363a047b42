package dev.apphome.messaging;

import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.alerts.AlertSettings;
import dev.apphome.alerts.Alerts;
import dev.apphome.alerts.Monitored;
import dev.apphome.schema.Rule;
import dev.apphome.wiring.Client;
import dev.apphome.wiring.Connection;
import dev.apphome.wiring.Store;
import dev.apphome.wiring.StoreContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An SQS queue and its dead-letter queue, both encrypted with the stack's key and refusing
 * requests without TLS. A message that fails {@code maxReceiveCount} times moves to the dead-letter
 * queue, where an alarm sees it. Topics that fan out to the queue are admitted in its policy, each
 * by its own ARN, and subscribed. Services get access only through {@link #connect}.
 */
public final class Queue extends ComponentResource implements Store<QueueAccess>, Monitored {

    private final QueueSettings args;
    private final com.pulumi.aws.sqs.Queue queue;
    private final com.pulumi.aws.sqs.Queue deadLetters;
    private final Output<String> keyArn;
    private final String region;

    /** A stack's queue; its clients reach SQS through an interface endpoint when the stack has them. */
    public Queue(String name, QueueSettings args, StoreContext context) {
        super("apphome:messaging:Queue", name, ComponentResourceOptions.Empty);
        this.args = Rule.require(args);
        this.keyArn = context.keyArn();
        this.region = context.aws().region();
        CustomResourceOptions child = context.protection().child(this);
        // Topics are declared before queues; those that fan out to this queue are admitted below.
        List<Topic> feeds = context.declared().all(Topic.class).stream().filter(t -> t.fansOutTo(args.name())).toList();
        this.deadLetters = new com.pulumi.aws.sqs.Queue(Naming.child(name, "dlq"), com.pulumi.aws.sqs.QueueArgs.builder()
                .kmsMasterKeyId(keyArn)
                .kmsDataKeyReusePeriodSeconds(300)
                .messageRetentionSeconds(args.deadLetterRetentionDays() * 86400)
                .build(), child);
        this.queue = new com.pulumi.aws.sqs.Queue(Naming.child(name, "queue"), com.pulumi.aws.sqs.QueueArgs.builder()
                .kmsMasterKeyId(keyArn)
                .kmsDataKeyReusePeriodSeconds(300)
                .visibilityTimeoutSeconds(args.visibilityTimeoutSeconds())
                .messageRetentionSeconds(args.retentionDays() * 86400)
                .receiveWaitTimeSeconds(20)
                .redrivePolicy(PolicyDocument.render(Map.of("deadLetterTargetArn", deadLetters.arn(),
                        "maxReceiveCount", args.maxReceiveCount())))
                .build(), child);
        QueuePolicy mainPolicy = null;
        for (var q : List.of(queue, deadLetters)) {
            boolean main = q == queue;
            List<Map<String, Object>> statements = new ArrayList<>();
            statements.add(PolicyDocument.denyInsecureTransport(List.of(q.arn()), "sqs:*"));
            if (main) {
                feeds.forEach(topic -> statements.add(admitTopic(topic, q.arn())));
            }
            // One policy per queue, named as before topics existed: a queue no topic feeds keeps it unchanged.
            var policy = new QueuePolicy(Naming.child(name, main ? "queue-policy" : "dlq-policy"), QueuePolicyArgs.builder()
                    .queueUrl(q.url())
                    .policy(PolicyDocument.of(statements))
                    .build(), child);
            if (main) {
                mainPolicy = policy;
            }
        }
        for (Topic topic : feeds) {
            topic.deliverTo(args.name(), queue.arn(), mainPolicy);
        }
        context.network().reachPrivately("sqs");
        registerOutputs(Map.of("url", queue.url(), "deadLetterUrl", deadLetters.url()));
    }

    /** Lets SNS deliver this one topic's messages, and no other topic's (aws:SourceArn). */
    static Map<String, Object> admitTopic(Topic topic, Output<String> queueArn) {
        return PolicyDocument.withCondition(PolicyDocument.withPrincipal(
                        PolicyDocument.allow("Topic" + Naming.pascal(topic.storeName()) + "SendsMessages",
                                List.of("sqs:SendMessage"), List.of(queueArn)),
                        "Service", "sns.amazonaws.com"),
                Map.of("ArnEquals", Map.of("aws:SourceArn", topic.arn())));
    }

    /** What a service using this queue receives: its URL in {@code QUEUE_<NAME>_URL} and exactly {@code access}. */
    @Override
    public Connection connect(Client client, QueueAccess access) {
        String queueKey = args.name();
        String sid = "Queue" + Naming.pascal(queueKey);
        List<String> actions = new ArrayList<>(List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl"));
        List<String> keyActions = new ArrayList<>(List.of("kms:Decrypt"));
        if (access != QueueAccess.PRODUCE) {
            actions.addAll(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"));
        }
        if (access != QueueAccess.CONSUME) {
            actions.add("sqs:SendMessage");
            keyActions.add("kms:GenerateDataKey");
        }
        return new Connection(Map.of("QUEUE_" + Naming.variable(queueKey) + "_URL", queue.url()), Map.of(), List.of(
                PolicyDocument.allow(sid + "Messages", actions, List.of(queue.arn())),
                PolicyDocument.withCondition(PolicyDocument.allow(sid + "Key", keyActions, List.of(keyArn)),
                        Map.of("StringEquals", Map.of("kms:ViaService", "sqs." + region + ".amazonaws.com")))));
    }

    /**
     * What a Lambda function invoked by this queue's messages needs on its role: Lambda polls the
     * queue with the function's role, so the role may receive, delete and read the attributes of
     * this queue's messages and decrypt them with the stack's key through SQS — nothing else, and
     * no variable (the function receives the messages, not the queue).
     */
    public Connection eventSource() {
        String sid = "Queue" + Naming.pascal(args.name());
        return new Connection(Map.of(), Map.of(), List.of(
                PolicyDocument.allow(sid + "EventSource", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
                        "sqs:GetQueueAttributes"), List.of(queue.arn())),
                PolicyDocument.withCondition(PolicyDocument.allow(sid + "EventSourceKey", List.of("kms:Decrypt"),
                                List.of(keyArn)),
                        Map.of("StringEquals", Map.of("kms:ViaService", "sqs." + region + ".amazonaws.com")))));
    }

    /** Any dead letter at all, and a backlog whose oldest message is older than the threshold. */
    @Override
    public List<Alerts.Alarm> alarms(AlertSettings t) {
        String label = args.name();
        return List.of(
                new Alerts.AlarmSpec(label + "-dead-letters", label + ": messages in the dead-letter queue", "AWS/SQS",
                        "ApproximateNumberOfMessagesVisible", Map.of("QueueName", deadLetters.name()), "Maximum",
                        "GreaterThanThreshold", 0, 60, 1, "notBreaching"),
                new Alerts.AlarmSpec(label + "-age", label + ": oldest message older than " + t.queueAgeSeconds() + " s",
                        "AWS/SQS", "ApproximateAgeOfOldestMessage", Map.of("QueueName", queue.name()), "Maximum",
                        "GreaterThanThreshold", t.queueAgeSeconds(), t.periodSeconds(AlertSettings.Family.QUEUE),
                        t.evaluationPeriods(AlertSettings.Family.QUEUE), "notBreaching"));
    }

    public Output<String> queueName() {
        return queue.name();
    }

    public Output<String> arn() {
        return queue.arn();
    }

    public QueueSettings args() {
        return args;
    }
}
