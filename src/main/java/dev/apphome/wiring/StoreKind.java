package dev.apphome.wiring;

/**
 * One kind of data store as the stack file declares it and services use it: its top-level key, the
 * settings record that is its schema, how a service may use it, and the component that builds it.
 * Registering a kind (one line) is all a new store needs beyond its settings record and component:
 * the stack-file key, {@code services.<name>.uses.<key>}, the wiring to services and the reference
 * documentation follow from it.
 *
 * @param key        the stack-file key, e.g. {@code database} or {@code buckets}
 * @param noun       what one store is called in messages, e.g. {@code bucket}
 * @param named      whether the stack declares any number of them by name ({@code buckets.<name>}) or one
 * @param settings   the settings record
 * @param access     how a service may use one: {@link Boolean} or an access enum
 * @param nameSuffix the component's name after the stack prefix: the whole suffix for one store
 *                   ({@code db}), or the part before the store's own name for named ones ({@code bucket-})
 * @param factory    builds the component
 */
public record StoreKind<S, A>(String key, String noun, boolean named, Class<S> settings, Class<A> access,
                              String nameSuffix, Factory<S, A> factory) {

    /** Builds one store from its name, settings and placement. */
    @FunctionalInterface
    public interface Factory<S, A> {
        Store<A> create(String name, S settings, StoreContext context);
    }

    /** A store the stack declares at most once, e.g. {@code database}. */
    public static <S, A> StoreKind<S, A> single(String key, String noun, String nameSuffix, Class<S> settings,
                                                Class<A> access, Factory<S, A> factory) {
        return new StoreKind<>(key, noun, false, settings, access, nameSuffix, factory);
    }

    /** Stores the stack declares by name, e.g. {@code buckets.<name>}. */
    public static <S, A> StoreKind<S, A> named(String key, String noun, String namePrefix, Class<S> settings,
                                               Class<A> access, Factory<S, A> factory) {
        return new StoreKind<>(key, noun, true, settings, access, namePrefix, factory);
    }

    /** The component's logical name: {@code <prefix>-db} or {@code <prefix>-bucket-<name>}. */
    public String componentName(String stackPrefix, String entryName) {
        return stackPrefix + "-" + (named ? nameSuffix + entryName : nameSuffix);
    }
}
