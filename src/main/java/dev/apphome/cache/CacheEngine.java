package dev.apphome.cache;

import dev.apphome.config.ConfigEnum;

/** The in-memory store's engine. */
public enum CacheEngine implements ConfigEnum {
    VALKEY("valkey"),
    REDIS("redis");

    private final String configValue;

    CacheEngine(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
