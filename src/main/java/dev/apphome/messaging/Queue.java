package dev.apphome.messaging;

import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apphome.common.Naming;
import dev.apphome.common.PolicyDocument;
import dev.apphome.common.Protection;
import dev.apphome.service.Connection;
import dev.apphome.service.QueueAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An SQS queue and its dead-letter queue, both encrypted with the stack's key and refusing
 * requests without TLS. A message that fails {@code maxReceiveCount} times moves to the dead-letter
 * queue, where an alarm sees it. Services get access only through {@link #connection}.
 */
public final class Queue extends ComponentResource {

    private final com.pulumi.aws.sqs.Queue queue;
    private final com.pulumi.aws.sqs.Queue deadLetters;
    private final Output<String> keyArn;

    public Queue(String name, QueueArgs args, Output<String> keyArn, Protection protection, ComponentResourceOptions options) {
        super("apphome:messaging:Queue", name, options);
        this.keyArn = keyArn;
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
    public Connection connection(String queueKey, QueueAccess access, String region) {
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

    public Output<String> queueName() {
        return queue.name();
    }

    public Output<String> deadLetterQueueName() {
        return deadLetters.name();
    }
}
