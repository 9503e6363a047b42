import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { present } from "../../lib/values";

export const sqsQueueHasDeadLetterQueue = stackPolicy({
    name: "sqs-queue-has-dead-letter-queue",
    description: "Every SQS queue must send messages that keep failing to a dead-letter queue, unless it is itself "
        + "another queue's dead-letter queue, so that a poison message cannot block or silently vanish "
        + "(cdk-nag AwsSolutions-SQS3; controls catalogue Q4).",
    category: "data-protection",
    controls: ["AwsSolutions-SQS3", "Q4"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    const queues = graph.ofType(T.queue);
    const deadLetterQueues = new Set(queues.flatMap(q => graph.deps(q, "redrivePolicy")).map(d => d.urn));
    each(queues, out, queue => {
        if (deadLetterQueues.has(queue.urn)) {
            return;
        }
        if (!present(() => queue.props.redrivePolicy)) {
            out.violation(queue, "no redrive policy and no queue sends it dead letters", "a redrivePolicy naming a dead-letter queue",
                "declare the queue under apphome:queues, which adds its dead-letter queue");
        }
    });
});
