package dev.apphome.cache;

import dev.apphome.schema.Key;
import dev.apphome.schema.Rule;

import java.util.List;

/**
 * The stack's Redis-compatible cache ({@code cache}), an ElastiCache replication group of one shard.
 *
 * @param engine                valkey or redis
 * @param engineVersion         engine version
 * @param nodeType              node type
 * @param replicas              read replicas besides the primary
 * @param multiAz               replicas in other AZs with automatic failover
 * @param snapshotRetentionDays days of daily snapshots
 * @param applyImmediately      whether changes are applied at once rather than in the maintenance window
 */
public record CacheSettings(
        @Key(doc = "the engine", dflt = "valkey") CacheEngine engine,
        @Key(doc = "engine version, major.minor (ElastiCache picks the patch)", derived = "`8.0` (valkey), `7.1` (redis)",
                pattern = "\\d+\\.\\d+", allowed = "a major.minor version such as 8.0 or 7.1") String engineVersion,
        @Key(doc = "node type, e.g. `cache.t4g.micro`", required = true, pattern = "cache\\.[a-z0-9]+\\.[a-z0-9]+",
                allowed = "a node type such as cache.t4g.micro") String nodeType,
        @Key(doc = "read replicas besides the primary", dflt = "0", min = 0, max = 5) int replicas,
        @Key(doc = "replicas in other AZs with automatic failover; needs replicas ≥ 1", dflt = "false") boolean multiAz,
        @Key(doc = "days of daily snapshots", unit = "days", dflt = "1", min = 0, max = 35) int snapshotRetentionDays,
        @Key(doc = "apply node-type and version changes at once instead of in the Sunday maintenance window",
                dflt = "false") boolean applyImmediately) {

    /** The port both engines listen on. */
    public static final int PORT = 6379;

    public CacheSettings {
        engineVersion = engineVersion != null ? engineVersion : engine.defaultVersion();
    }

    public static final List<Rule<CacheSettings>> RULES = List.of(
            Rule.of("engineVersion", c -> c.engine != CacheEngine.REDIS || !c.engineVersion.matches("[0-6](\\..*)?"),
                    c -> "found '" + c.engineVersion + "'; allowed: 7.0 or later (earlier Redis versions cannot require "
                            + "TLS and AUTH together with rotation)"),
            Rule.of("multiAz", c -> !c.multiAz || c.replicas > 0, "is true with replicas: 0; allowed: replicas ≥ 1 "
                    + "(failover needs a replica in another AZ)"),
            Rule.of("snapshotRetentionDays", c -> c.snapshotRetentionDays == 0
                            || !c.nodeType.matches("cache\\.t\\d\\.(micro|small|medium)")
                            || c.nodeType.startsWith("cache.t4g") || c.nodeType.startsWith("cache.t3"),
                    c -> "is above 0 on " + c.nodeType + ", which cannot take snapshots; allowed: 0, or a cache.t3/t4g "
                            + "or larger node"));
}
