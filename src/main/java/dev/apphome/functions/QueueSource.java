package dev.apphome.functions;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * The queue a function consumes, and how Lambda batches its messages ({@code functions.<name>.queue}).
 *
 * @param name                     the queue's name in {@code queues}
 * @param batchSize                messages per invocation at most
 * @param maxBatchingWindowSeconds seconds Lambda waits to fill a batch
 * @param maxConcurrency           concurrent invocations this queue may cause at most; null: no limit of its own
 * @param reportBatchItemFailures  whether the function reports which messages failed, so only those return
 */
public record QueueSource(
        @Key(doc = "the queue of `queues` it consumes", required = true, pattern = "[a-z][a-z0-9-]{0,18}[a-z0-9]",
                allowed = "the name of a queue in queues") String name,
        @Key(doc = "messages per invocation at most (above 10 needs `maxBatchingWindowSeconds`)", dflt = "10", min = 1,
                max = 10000) int batchSize,
        @Key(doc = "seconds Lambda waits to gather a batch", unit = "seconds", dflt = "0", min = 0, max = 300)
        int maxBatchingWindowSeconds,
        @Key(doc = "concurrent invocations the queue may cause (scalingConfig); at most `reservedConcurrency` when "
                + "that is set", min = 2, max = 1000) Integer maxConcurrency,
        @Key(doc = "the function answers `batchItemFailures` with the ids of the messages that failed, and only those "
                + "return to the queue (partial batch responses)", dflt = "true") boolean reportBatchItemFailures) {

    public static final List<Rule<QueueSource>> RULES = List.of(
            Rule.of("maxBatchingWindowSeconds", q -> q.batchSize <= 10 || q.maxBatchingWindowSeconds >= 1,
                    q -> "is " + q.maxBatchingWindowSeconds + " with batchSize " + q.batchSize + "; allowed: 1 or more "
                            + "when batchSize is above 10 (Lambda refuses larger batches without a batching window)"));
}
