import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { admitsTopic } from "../../lib/documents";
import { asArray, computed, known, parseJson } from "../../lib/values";

export const snsSubscriptionDeliversToAdmittingQueue = stackPolicy({
    name: "sns-subscription-delivers-to-admitting-queue",
    description: "An SNS subscription must not deliver over plain HTTP, and one to SQS must deliver to a queue of this "
        + "stack whose policy admits exactly its topic, or SNS's deliveries are refused and the messages lost "
        + "(controls catalogue T4, Q3).",
    category: "data-protection",
    controls: ["T4", "Q3"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.topicSubscription), out, subscription => {
        const protocol = known(`${subscription.name}.protocol`, () => subscription.props.protocol);
        if (protocol === "http") {
            out.violation(subscription, "it delivers over plain HTTP", "protocol https, sqs, lambda or email",
                "subscribe an HTTPS endpoint or a queue");
            return;
        }
        if (protocol !== "sqs") {
            return;
        }
        const queue = graph.deps(subscription, "endpoint").find(d => d.type === T.queue);
        const topic = graph.deps(subscription, "topic").find(d => d.type === T.topic);
        if (queue === undefined || topic === undefined) {
            out.violation(subscription, "its endpoint or topic is not a queue and topic of this stack",
                "a subscription from a topic of this stack to a queue of this stack",
                "list the queue under apphome:topics.<name>.subscriptions");
            return;
        }
        const topicArn = computed(`${topic.name}.arn`, () => topic.props.arn);
        const admitted = graph.dependents(queue, [T.queuePolicy], "queueUrl")
            .map(p => parseJson(`${p.name}.policy`, () => p.props.policy) as any)
            .some(d => asArray<any>(d?.Statement).some(s => admitsTopic(s, topicArn)));
        if (!admitted) {
            out.violation(subscription, `the policy of queue ${queue.name} does not admit topic ${topic.name}`,
                "an Allow of sqs:SendMessage for sns.amazonaws.com with aws:SourceArn the topic's ARN",
                "list the queue under apphome:topics.<name>.subscriptions, which admits the topic in the queue's policy");
        }
    });
});
