package dev.apphome.messaging;

/** What a service may do with a queue it uses. */
public enum QueueAccess {
    /** Receive and delete messages. */
    CONSUME,
    /** Send messages. */
    PRODUCE,
    /** Both. */
    BOTH
}
