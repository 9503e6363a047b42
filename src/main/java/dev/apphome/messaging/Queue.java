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
import dev.apphome.common.Protection;
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
 * queue, where an alarm sees it. Services get access only through {@link #connect}.
 */
public final class Queue extends ComponentResource implements Store<QueueAccess>, Monitored {

    private final QueueSettings args;
    private final com.pulumi.aws.sqs.Queue queue;
    private final com.pulumi.aws.sqs.Queue deadLetters;
    private final Output<String> keyArn;
    private final String region;

    /** A stack's queue; its clients reach SQS through an interface endpoint when the stack has them. */
    public Queue(String name, QueueSettings args, StoreContext context) {
        this(name, args, context.keyArn(), context.aws().region(), context.protection(), ComponentResourceOptions.Empty);
        context.network().reachPrivately("sqs");
    }

    public Queue(String name, QueueSettings args, Output<String> keyArn, String region, Protection protection,
                 ComponentResourceOptions options) {
        super("apphome:messaging:Queue", name, options);
        this.args = Rule.require(args);
        this.keyArn = keyArn;
        this.region = region;
        CustomResourceOptions child = protection.child(this);
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
        for (var q : List.of(queue, deadLetters)) {
            boolean main = q == queue;
            new QueuePolicy(Naming.child(name, main ? "queue-policy" : "dlq-policy"), QueuePolicyArgs.builder()
                    .queueUrl(q.url())
                    .policy(PolicyDocument.of(List.of(PolicyDocument.denyInsecureTransport(List.of(q.arn()), "sqs:*"))))
                    .build(), child);
        }
        registerOutputs(Map.of("url", queue.url(), "deadLetterUrl", deadLetters.url()));
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
