package dev.apphome.service;

import dev.apphome.config.ConfigEnum;

/** What a service may do with a queue it uses. */
public enum QueueAccess implements ConfigEnum {
    /** Receive and delete messages. */
    CONSUME("consume"),
    /** Send messages. */
    PRODUCE("produce"),
    /** Both. */
    BOTH("both");

    private final String configValue;

    QueueAccess(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
