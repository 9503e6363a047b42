package dev.apphome;

import dev.apphome.cache.Cache;
import dev.apphome.cache.CacheSettings;
import dev.apphome.database.Database;
import dev.apphome.database.DatabaseSettings;
import dev.apphome.identity.AdminUserPool;
import dev.apphome.identity.UserPoolSettings;
import dev.apphome.kafka.Kafka;
import dev.apphome.kafka.KafkaAccess;
import dev.apphome.kafka.KafkaSettings;
import dev.apphome.messaging.Queue;
import dev.apphome.messaging.QueueAccess;
import dev.apphome.messaging.QueueSettings;
import dev.apphome.messaging.Topic;
import dev.apphome.messaging.TopicAccess;
import dev.apphome.messaging.TopicSettings;
import dev.apphome.storage.BucketAccess;
import dev.apphome.storage.BucketSettings;
import dev.apphome.storage.PrivateBucket;
import dev.apphome.tables.Table;
import dev.apphome.tables.TableAccess;
import dev.apphome.tables.TableSettings;
import dev.apphome.wiring.StoreKind;

import java.util.List;

/**
 * Every kind of data store a stack file can declare and services can use, one line each: its key,
 * what one is called, its component's name, its settings record, how services use it, and its
 * component. The stack-file keys, the uses of services, their wiring and the reference follow.
 */
public final class Stores {

    public static final StoreKind<DatabaseSettings, Boolean> DATABASE =
            StoreKind.single("database", "database", "db", DatabaseSettings.class, Boolean.class, Database::new);
    public static final StoreKind<CacheSettings, Boolean> CACHE =
            StoreKind.single("cache", "cache", "cache", CacheSettings.class, Boolean.class, Cache::new);
    public static final StoreKind<BucketSettings, BucketAccess> BUCKETS =
            StoreKind.named("buckets", "bucket", "bucket-", BucketSettings.class, BucketAccess.class, PrivateBucket::new);
    public static final StoreKind<TopicSettings, TopicAccess> TOPICS =
            StoreKind.named("topics", "topic", "topic-", TopicSettings.class, TopicAccess.class, Topic::new);
    public static final StoreKind<QueueSettings, QueueAccess> QUEUES =
            StoreKind.named("queues", "queue", "queue-", QueueSettings.class, QueueAccess.class, Queue::new);
    public static final StoreKind<TableSettings, TableAccess> TABLES =
            StoreKind.named("tables", "table", "table-", TableSettings.class, TableAccess.class, Table::new);

    public static final StoreKind<UserPoolSettings, Boolean> USER_POOL =
            StoreKind.single("userPool", "user pool", "user-pool", UserPoolSettings.class, Boolean.class, AdminUserPool::new);

    public static final StoreKind<KafkaSettings, KafkaAccess> KAFKA =
            StoreKind.single("kafka", "Kafka cluster", "kafka", KafkaSettings.class, KafkaAccess.class, Kafka::new);

    /**
     * In the order the stack is declared, its alarms listed and its reference written. Topics come
     * before queues: a queue admits and subscribes the topics that fan out to it when it is declared.
     */
    public static final List<StoreKind<?, ?>> ALL = List.of(DATABASE, CACHE, BUCKETS, TOPICS, QUEUES, TABLES, USER_POOL, KAFKA);

    private Stores() {
    }
}
