import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { deniesInsecureTransport } from "../../lib/documents";
import { parseJson, present } from "../../lib/values";

export const snsTopicTlsOnly = stackPolicy({
    name: "sns-topic-tls-only",
    description: "Every SNS topic must have a topic policy that denies publishing without TLS "
        + "(cdk-nag AwsSolutions-SNS3; controls catalogue T2).",
    category: "encryption-in-transit",
    controls: ["AwsSolutions-SNS3", "T2"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.topic), out, topic => {
        const documents = graph.dependents(topic, [T.topicPolicy], "arn")
            .map(p => parseJson(`${p.name}.policy`, () => p.props.policy));
        if (present(() => topic.props.policy)) {
            documents.push(parseJson(`${topic.name}.policy`, () => topic.props.policy));
        }
        if (documents.length === 0) {
            out.violation(topic, "no topic policy names this topic", "a policy denying sns:Publish where aws:SecureTransport is false",
                "declare the topic under apphome:topics, which adds one");
            return;
        }
        if (!documents.some(deniesInsecureTransport)) {
            out.violation(topic, "its topic policy allows publishing without TLS",
                "a Deny statement when aws:SecureTransport is false", "add the statement to the topic policy");
        }
    });
});
