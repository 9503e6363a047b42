package dev.apphome.kafka;

/** What a service may do with the stack's Kafka cluster. */
public enum KafkaAccess {
    /** Write to topics, idempotently, and create the topics it writes to. */
    PRODUCE,
    /** Read topics as a member of consumer groups. */
    CONSUME,
    /** Both. */
    BOTH
}
