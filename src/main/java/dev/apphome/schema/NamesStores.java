package dev.apphome.schema;

import java.util.List;

/**
 * Settings that name stores of another kind (a topic names the queues it fans out to). The reader
 * checks each name against what the stack file declares and reports the key, the name and what
 * is declared, as it does for a service's uses.
 */
public interface NamesStores {

    /**
     * One name of a store.
     *
     * @param key  the key that holds the name, relative to the settings' own object, e.g. {@code subscriptions[0].queue}
     * @param kind the named store's kind, by its stack-file key, e.g. {@code queues}
     * @param name the store's name
     */
    record StoreName(String key, String kind, String name) {
    }

    /** Every store these settings name. */
    List<StoreName> storeNames();
}
