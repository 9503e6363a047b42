package dev.apphome.wiring;

import java.util.ArrayList;
import java.util.List;

/**
 * The stores of the stack declared so far, in declaration order. A store that works with stores
 * of another kind finds them here: a queue finds the topics that fan out to it, which are
 * declared before it, and admits them in its own policy.
 */
public final class Declared {

    private final List<Store<?>> stores = new ArrayList<>();

    /** Records a store once it is declared. */
    public void add(Store<?> store) {
        stores.add(store);
    }

    /** The stores declared so far that are of {@code type}, in declaration order. */
    public <T> List<T> all(Class<T> type) {
        return stores.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
