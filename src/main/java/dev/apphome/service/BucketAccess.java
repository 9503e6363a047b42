package dev.apphome.service;

import dev.apphome.config.ConfigEnum;

/** What a service may do with a bucket it uses. */
public enum BucketAccess implements ConfigEnum {
    READ("read"),
    READ_WRITE("readWrite");

    private final String configValue;

    BucketAccess(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
