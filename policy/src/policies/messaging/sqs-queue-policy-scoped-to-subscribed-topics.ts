import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { serviceOrEveryone, sourceArns } from "../../lib/documents";
import { asArray, computed, parseJson } from "../../lib/values";

export const sqsQueuePolicyScopedToSubscribedTopics = stackPolicy({
    name: "sqs-queue-policy-scoped-to-subscribed-topics",
    description: "A queue policy may let an AWS service or everyone send to the queue only under an aws:SourceArn "
        + "condition naming SNS topics of this stack that subscribe the queue, so that no other topic, account or "
        + "service can write into it (FSBP SQS.3; checkov CKV_AWS_168; controls catalogue Q3).",
    category: "exposure",
    controls: ["SQS.3", "CKV_AWS_168", "Q3"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.queuePolicy), out, policy => {
        const queue = graph.deps(policy, "queueUrl").find(d => d.type === T.queue);
        const subscribed = queue === undefined ? [] : graph.dependents(queue, [T.topicSubscription], "endpoint")
            .flatMap(s => graph.deps(s, "topic").filter(d => d.type === T.topic));
        const document = parseJson(`${policy.name}.policy`, () => policy.props.policy) as any;
        const target = queue ?? policy;
        for (const statement of asArray<any>(document?.Statement)) {
            const who = serviceOrEveryone(statement);
            if (statement?.Effect !== "Allow" || who === undefined) {
                continue;
            }
            const sid = statement.Sid ? `statement ${statement.Sid}` : "a statement";
            const arns = sourceArns(statement);
            if (arns.length === 0) {
                out.violation(target, `${sid} of ${policy.name} allows ${who} without an aws:SourceArn condition`,
                    "Allow statements for services or everyone limited by aws:SourceArn to topics that subscribe this queue",
                    "subscribe the queue under apphome:topics.<name>.subscriptions, which admits exactly that topic");
                continue;
            }
            const allowed = subscribed.map(t => computed(`${t.name}.arn`, () => t.props.arn));
            for (const arn of arns.filter(a => !allowed.includes(a))) {
                out.violation(target, `${sid} of ${policy.name} admits ${arn}, which is no topic of this stack that subscribes this queue`,
                    "aws:SourceArn naming only topics subscribed to this queue",
                    "remove the statement, or subscribe the queue to that topic under apphome:topics");
            }
        }
    });
});
