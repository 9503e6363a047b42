package dev.apphome.functions;

import dev.apphome.scheduling.ScheduleSettings;
import dev.apphome.schema.Choice;
import dev.apphome.schema.Key;
import dev.apphome.schema.Variant;

/** What invokes a function: messages on one of the stack's queues, or a schedule. Exactly one. */
@Choice(byPresence = true, requiredWhen = "always")
public sealed interface FunctionTrigger {

    /**
     * Lambda polls the queue and invokes the function with batches of its messages. A message whose
     * run fails returns to the queue after its visibility timeout, and after the queue's
     * {@code maxReceiveCount} receives goes to the queue's own dead-letter queue.
     *
     * @param queue the queue and how its messages are batched
     */
    @Variant(value = "queue", whenPresent = "queue")
    record OnQueue(@Key(doc = "the queue it consumes and how", required = true, allowed = "an object with name, e.g. "
            + "{name: captions, batchSize: 10}") QueueSource queue) implements FunctionTrigger {
    }

    /**
     * EventBridge Scheduler invokes the function asynchronously. Lambda retries a failed run
     * {@code retryAttempts} times, then sends the event to {@code onFailure}; what the scheduler
     * itself cannot deliver goes to the function's dead-letter queue.
     *
     * @param schedule           when it runs
     * @param onFailure          a queue of {@code queues} for failed runs; null: the function's dead-letter queue
     * @param retryAttempts      Lambda's retries of a failed run
     * @param maxEventAgeSeconds how long Lambda keeps an event it has not run
     */
    @Variant(value = "schedule", whenPresent = "schedule")
    record OnSchedule(
            @Key(doc = "when it runs and how the scheduler retries invoking it", required = true,
                    allowed = "an object with at, e.g. {at: \"rate(15 minutes)\"}") ScheduleSettings schedule,
            @Key(doc = "a queue of `queues` that receives the events of failed runs (Lambda's on-failure destination); "
                    + "none: the function's own dead-letter queue", pattern = "[a-z][a-z0-9-]{0,18}[a-z0-9]",
                    allowed = "the name of a queue in queues", onlyBecause = "a queue-driven function's failed "
                    + "messages go to its queue's own dead-letter queue") String onFailure,
            @Key(doc = "times Lambda retries a failed run before sending it on", dflt = "2", min = 0, max = 2,
                    onlyBecause = "a queue-driven function's messages are retried by the queue") int retryAttempts,
            @Key(doc = "seconds Lambda keeps an event waiting to run (when throttled)", unit = "seconds",
                    dflt = "21600", min = 60, max = 21600, onlyBecause = "a queue keeps its own messages")
            int maxEventAgeSeconds) implements FunctionTrigger {
    }
}
