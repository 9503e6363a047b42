package dev.apphome.service;

import dev.apphome.config.ConfigEnum;

/** What reaches a service. */
public enum ServiceKind implements ConfigEnum {
    /** Behind the load balancer, through its own routing rule. */
    WEB("web"),
    /** No load balancer; reachable through Service Connect only from services that name it in {@code calls}. */
    INTERNAL("internal"),
    /** No port at all; consumes queues or schedules. */
    WORKER("worker");

    private final String configValue;

    ServiceKind(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
