package dev.apphome.cache;

/** The in-memory store's engine, with the version used when the stack file names none. */
public enum CacheEngine {
    VALKEY("8.0"),
    REDIS("7.1");

    private final String defaultVersion;

    CacheEngine(String defaultVersion) {
        this.defaultVersion = defaultVersion;
    }

    public String defaultVersion() {
        return defaultVersion;
    }

    /** ElastiCache's name for the engine. */
    public String elastiCacheName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
