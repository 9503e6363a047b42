package dev.apphome.wiring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stores one service declares under {@code uses}, each with the access it asked for. Its task
 * role gets exactly these and nothing else.
 *
 * @param grants every store the service uses, in stack-file order
 */
public record Uses(List<Grant> grants) {

    /**
     * One store the service uses.
     *
     * @param kind   the store kind's key, e.g. {@code buckets}
     * @param store  the store's name for named kinds, empty for a store the stack has once
     * @param access the access level: {@link Boolean#TRUE} or an access enum constant
     */
    public record Grant(String kind, String store, Object access) {
    }

    public Uses {
        grants = List.copyOf(grants);
    }

    public static Uses none() {
        return new Uses(List.of());
    }

    /** The access to the one store of {@code kind}, if the service uses it. */
    public Optional<Object> single(String kind) {
        return grants.stream().filter(g -> g.kind.equals(kind) && g.store.isEmpty()).map(Grant::access).findFirst();
    }

    /** Store name to access for a named kind, in stack-file order. */
    public Map<String, Object> named(String kind) {
        Map<String, Object> result = new LinkedHashMap<>();
        grants.stream().filter(g -> g.kind.equals(kind) && !g.store.isEmpty()).forEach(g -> result.put(g.store, g.access));
        return result;
    }
}
