package dev.apphome.messaging;

import com.google.gson.GsonBuilder;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
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

import java.util.List;
import java.util.Map;

/**
 * An SNS topic encrypted with the stack's key, whose policy refuses publishing without TLS, and
 * its subscriptions: one per queue it fans out to. A queue subscribes itself when it is declared
 * ({@link #deliverTo}), after admitting exactly this topic in its own policy. Services publish
 * only through {@link #connect}.
 */
public final class Topic extends ComponentResource implements Store<TopicAccess>, Monitored {

    private final String name;
    private final TopicSettings args;
    private final com.pulumi.aws.sns.Topic topic;
    private final Output<String> keyArn;
    private final String region;

    public Topic(String name, TopicSettings args, StoreContext context) {
        super("apphome:messaging:Topic", name, ComponentResourceOptions.Empty);
        this.name = name;
        this.args = Rule.require(args);
        this.keyArn = context.keyArn();
        this.region = context.aws().region();
        CustomResourceOptions child = context.protection().child(this);
        this.topic = new com.pulumi.aws.sns.Topic(Naming.child(name, "topic"), TopicArgs.builder()
                .kmsMasterKeyId(keyArn)
                .build(), child);
        new TopicPolicy(Naming.child(name, "topic-policy"), TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(PolicyDocument.of(List.of(
                        PolicyDocument.denyInsecureTransport(List.of(topic.arn()), "sns:Publish"))))
                .build(), child);
        // Publishers reach SNS through an interface endpoint when the stack has them.
        context.network().reachPrivately("sns");
        registerOutputs(Map.of("arn", topic.arn()));
    }

    /** Whether this topic fans out to the queue of that name. */
    public boolean fansOutTo(String queue) {
        return args.subscription(queue).isPresent();
    }

    public Output<String> arn() {
        return topic.arn();
    }

    /** The topic's name in the stack, e.g. {@code orders}. */
    public String storeName() {
        return args.name();
    }

    /**
     * Subscribes a queue that has admitted this topic in {@code queuePolicy}: raw delivery and the
     * filter policy as the topic's settings say. The subscription waits for the policy, so that no
     * message published right after the deploy is refused by the queue.
     */
    public void deliverTo(String queue, Output<String> queueArn, Resource queuePolicy) {
        Subscription subscription = args.subscription(queue)
                .orElseThrow(() -> new IllegalArgumentException("topic " + args.name() + " does not fan out to " + queue));
        var delivery = TopicSubscriptionArgs.builder()
                .topic(topic.arn())
                .protocol("sqs")
                .endpoint(queueArn)
                .rawMessageDelivery(subscription.rawMessageDelivery());
        if (!subscription.filterPolicy().isEmpty()) {
            delivery.filterPolicy(new GsonBuilder().disableHtmlEscaping().create().toJson(subscription.filterPolicy()))
                    .filterPolicyScope(subscription.filterPolicyScope().aws());
        }
        new TopicSubscription(Naming.child(name, "to-" + queue), delivery.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(queuePolicy).build());
    }

    /** What a service publishing to this topic receives: its ARN in {@code TOPIC_<NAME>_ARN}, and publishing only. */
    @Override
    public Connection connect(Client client, TopicAccess access) {
        String sid = "Topic" + Naming.pascal(args.name());
        return new Connection(Map.of("TOPIC_" + Naming.variable(args.name()) + "_ARN", topic.arn()), Map.of(), List.of(
                PolicyDocument.allow(sid + "Publish", List.of("sns:Publish"), List.of(topic.arn())),
                // Publishing to an encrypted topic makes SNS generate and check a data key as the publisher.
                PolicyDocument.withCondition(PolicyDocument.allow(sid + "Key",
                                List.of("kms:GenerateDataKey", "kms:Decrypt"), List.of(keyArn)),
                        Map.of("StringEquals", Map.of("kms:ViaService", "sns." + region + ".amazonaws.com")))));
    }

    /** Any notification SNS failed to deliver. */
    @Override
    public List<Alerts.Alarm> alarms(AlertSettings t) {
        String label = args.name();
        return List.of(new Alerts.AlarmSpec(label + "-failed-notifications", label + ": notifications SNS failed to deliver",
                "AWS/SNS", "NumberOfNotificationsFailed", Map.of("TopicName", topic.name()), "Sum", "GreaterThanThreshold",
                0, 60, 1, "notBreaching"));
    }
}
