package dev.apphome.cache;

/**
 * The stack's Redis-compatible cache, an ElastiCache replication group of one shard.
 *
 * @param engine                valkey or redis; default valkey
 * @param engineVersion         e.g. {@code 8.0} (valkey) or {@code 7.1} (redis); default 8.0
 * @param nodeType              node type, e.g. {@code cache.t4g.micro}
 * @param replicas              read replicas besides the primary, 0 to 5; default 0
 * @param multiAz               replicas in other AZs with automatic failover; needs replicas ≥ 1; default false
 * @param snapshotRetentionDays days of daily snapshots, 0 to 35; default 1
 */
public record CacheArgs(
        CacheEngine engine,
        String engineVersion,
        String nodeType,
        int replicas,
        boolean multiAz,
        int snapshotRetentionDays) {

    public static final int PORT = 6379;
}
