package dev.apphome.service;

import dev.apphome.loadbalancer.Routing;
import dev.apphome.schema.Choice;
import dev.apphome.schema.Key;
import dev.apphome.schema.Variant;

/** What reaches a service; each kind has only the keys that apply to it. */
@Choice
public sealed interface ServiceKind {

    /** The container port, for kinds that receive traffic. */
    default Integer port() {
        return null;
    }

    /**
     * Behind the load balancer, through its own routing rule.
     *
     * @param port    container port
     * @param routing the listener rule that selects its requests
     */
    @Variant("web")
    record Web(
            @Key(doc = "container port", required = true, min = 1, max = 65535, after = "image",
                    onlyBecause = "a worker receives no traffic") Integer port,
            @Key(doc = "listener rule", after = "healthCheck", onlyBecause = "only web services are behind the "
                    + "load balancer") Routing routing) implements ServiceKind {
    }

    /**
     * No load balancer; reachable through Service Connect only from services that name it in {@code calls}.
     *
     * @param port container port
     */
    @Variant("internal")
    record Internal(
            @Key(doc = "container port", required = true, min = 1, max = 65535, after = "image",
                    onlyBecause = "a worker receives no traffic") Integer port) implements ServiceKind {
    }

    /** No port at all; consumes queues or schedules. */
    @Variant("worker")
    record Worker() implements ServiceKind {
    }

    /** How stack files and messages spell the kind. */
    default String label() {
        return getClass().getAnnotation(Variant.class).value();
    }
}
