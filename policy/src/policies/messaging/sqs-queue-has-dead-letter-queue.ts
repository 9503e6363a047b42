import { each, stackPolicy } from "../../lib/policy";
import { T } from "../../lib/types";
import { present } from "../../lib/values";

export const sqsQueueHasDeadLetterQueue = stackPolicy({
    name: "sqs-queue-has-dead-letter-queue",
    description: "Every SQS queue must send messages that keep failing to a dead-letter queue, unless it is itself "
        + "a dead-letter queue (of another queue, of a schedule, or of a function's failed asynchronous runs), so "
        + "that a poison message cannot block or silently vanish (cdk-nag AwsSolutions-SQS3; controls catalogue Q4).",
    category: "data-protection",
    controls: ["AwsSolutions-SQS3", "Q4"],
    enforcementLevel: "mandatory",
}, (graph, out) => {
    const queues = graph.ofType(T.queue);
    // Linked through recorded dependencies: a schedule's target records its dead-letter queue (and,
    // for an SQS SendMessage target, which the program does not make, its target queue too); an
    // invoke config's destinationConfig records its on-failure queue.
    const deadLetterQueues = new Set([
        ...queues.flatMap(q => graph.deps(q, "redrivePolicy")),
        ...graph.ofType(T.schedule).flatMap(s => graph.deps(s, "target")),
        ...graph.ofType(T.lambdaEventInvokeConfig).flatMap(c => graph.deps(c, "destinationConfig")),
    ].filter(d => d.type === T.queue).map(d => d.urn));
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
