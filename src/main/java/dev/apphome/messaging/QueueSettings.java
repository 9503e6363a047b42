package dev.apphome.messaging;

import dev.apphome.schema.Key;
import dev.apphome.schema.Name;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * A work queue with its dead-letter queue ({@code queues.<name>}), both KMS-encrypted and TLS-only.
 *
 * @param name                     the queue's name in the stack
 * @param visibilityTimeoutSeconds how long a received message stays hidden
 * @param retentionDays            days an unconsumed message is kept
 * @param maxReceiveCount          receives before a message moves to the dead-letter queue
 * @param deadLetterRetentionDays  days dead letters are kept
 */
public record QueueSettings(
        @Name(noun = "queue", pattern = "[a-z][a-z0-9-]{0,18}[a-z0-9]", allowed = "2 to 20 lowercase letters, digits "
                + "and hyphens, starting with a letter (it becomes part of AWS names limited to 32 characters)") String name,
        @Key(doc = "how long a received message stays hidden", unit = "seconds", dflt = "30", min = 0, max = 43200)
        int visibilityTimeoutSeconds,
        @Key(doc = "days an unconsumed message is kept", unit = "days", dflt = "4", min = 1, max = 14) int retentionDays,
        @Key(doc = "receives before a message moves to the dead-letter queue", dflt = "5", min = 1, max = 1000)
        int maxReceiveCount,
        @Key(doc = "days dead letters are kept", unit = "days", dflt = "14", min = 1, max = 14)
        int deadLetterRetentionDays) {

    public static final List<Rule<QueueSettings>> RULES = List.of(
            Rule.of("deadLetterRetentionDays", q -> q.deadLetterRetentionDays >= q.retentionDays,
                    q -> "found " + q.deadLetterRetentionDays + ", shorter than retentionDays " + q.retentionDays
                            + "; allowed: at least retentionDays (SQS keeps a message's original age, so a shorter "
                            + "dead-letter retention deletes it on arrival)"));
}
