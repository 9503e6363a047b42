import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { deniesInsecureTransport } from "../../lib/documents";
import { parseJson } from "../../lib/values";

export const sqsQueueTlsOnly = stackPolicy({
    name: "sqs-queue-tls-only",
    description: "Every SQS queue must have a queue policy that denies requests made without TLS "
        + "(cdk-nag AwsSolutions-SQS4; controls catalogue Q2).",
    category: "encryption-in-transit",
    controls: ["AwsSolutions-SQS4", "Q2"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    each(graph.ofType(T.queue), out, queue => {
        const policies = graph.dependents(queue, ["aws:sqs/queuePolicy:QueuePolicy"], "queueUrl");
        if (policies.length === 0) {
            out.violation(queue, "no queue policy names this queue", "a policy denying requests where aws:SecureTransport is false",
                "declare the queue under apphome:queues, which adds one");
            return;
        }
        const documents = policies.map(p => parseJson(`${p.name}.policy`, () => p.props.policy) as any);
        if (!documents.some(deniesInsecureTransport)) {
            out.violation(queue, "its queue policy allows requests without TLS",
                "a Deny statement when aws:SecureTransport is false", "add the statement to the queue policy");
        }
    });
});
