package dev.apphome.messaging;

/**
 * A work queue with its dead-letter queue.
 *
 * @param name                     the queue's name in the stack
 * @param visibilityTimeoutSeconds how long a received message stays hidden, 0 to 43200; default 30
 * @param retentionDays            days an unconsumed message is kept, 1 to 14; default 4
 * @param maxReceiveCount          receives before a message moves to the dead-letter queue, 1 to 1000; default 5
 * @param deadLetterRetentionDays  days dead letters are kept, 1 to 14; default 14
 */
public record QueueArgs(String name, int visibilityTimeoutSeconds, int retentionDays, int maxReceiveCount,
                        int deadLetterRetentionDays) {
}
