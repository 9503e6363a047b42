package dev.apphome.messaging;

/** What a service may do with a topic it uses. */
public enum TopicAccess {
    /** Publish messages. */
    PUBLISH
}
